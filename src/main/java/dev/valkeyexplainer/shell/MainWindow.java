package dev.valkeyexplainer.shell;

import dev.valkeyexplainer.anim.FrameClock;
import dev.valkeyexplainer.app.AppServices;
import dev.valkeyexplainer.concept.Concept;
import dev.valkeyexplainer.concept.ConceptContext;
import dev.valkeyexplainer.concept.FxHandoff;
import dev.valkeyexplainer.concept.StepPlayer;
import dev.valkeyexplainer.valkey.ConnectionStatus;
import dev.valkeyexplainer.valkey.JournalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The main window: the tabs, the journal under them, the tool bar and the status bar. It switches
 * tabs (only the selected one is active), and carries the presenter features: scale, theme, full
 * screen, keyboard shortcuts and the help overlay.
 */
public final class MainWindow {

    private final AppServices services;
    private final Executor fx;
    private final Theme theme = new Theme();
    private final FrameClock clock = new FrameClock();
    private final TabPane tabs = new TabPane();
    private final List<Concept> concepts = new ArrayList<>();
    private final StatusBar statusBar = new StatusBar();
    private final HelpOverlay help = new HelpOverlay();
    private final Label notice = new Label();
    private final JournalPane journal;
    private final ScaledPane scaled;
    private final Label scaleLabel = new Label("100%");
    private Concept active;
    private final SplitPane split;

    public MainWindow(AppServices services, Executor fx) {
        this.services = services;
        this.fx = fx;
        ConceptContext ctx = new ConceptContext(services.gateway(), clock, theme.paletteProperty(), fx, services::database);
        journal = new JournalPane(services.journal(), fx, () -> active == null ? "" : active.id());
        for (Concept c : services.registry().all()) {
            concepts.add(c);
            Tab tab = new Tab((concepts.size() <= 9 ? concepts.size() + "  " : "") + c.title(), c.createView(ctx));
            tab.setClosable(false);
            tab.setId("tab-" + c.id());
            tab.setUserData(c);
            tabs.getTabs().add(tab);
        }
        tabs.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> switchTo((Concept) now.getUserData()));

        split = new SplitPane(tabs, journal);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(journal, false);

        BorderPane frame = new BorderPane(split);
        frame.setTop(toolbar());
        frame.setBottom(statusBar);
        StackPane layers = new StackPane(frame, help);
        layers.getStyleClass().add("app-root");
        scaled = new ScaledPane(layers);
        scaled.getStyleClass().add("scaled-root");
        scaled.scaleProperty().addListener((o, a, b) -> scaleLabel.setText(Math.round(b.doubleValue() * 100) + "%"));
        theme.attach(scaled);

        FxHandoff<ConnectionStatus> statusHandoff = new FxHandoff<>(fx, statusBar::show);
        services.gateway().addStatusListener(statusHandoff::offer);

        theme.setDark(services.options().dark());
        scaled.setScale(services.options().scale());
        int first = 0;
        if (services.options().tab() != null) {
            for (int i = 0; i < concepts.size(); i++) if (concepts.get(i).id().equals(services.options().tab())) first = i;
        }
        tabs.getSelectionModel().select(first);
        switchTo(concepts.get(first));
    }

    private Node toolbar() {
        Label title = new Label("Valkey Explainer");
        title.getStyleClass().add("app-title");
        Label ns = new Label("namespace " + services.gateway().namespace().prefix());
        ns.getStyleClass().add("badge-muted");
        notice.getStyleClass().add("notice");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button connect = new Button("Connect…");
        connect.setId("connect-button");
        connect.setOnAction(e -> openConnectionDialog());
        Button reset = new Button("Reset demo data");
        reset.setId("reset-button");
        reset.setTooltip(new Tooltip("Deletes every key that starts with " + services.gateway().namespace().prefix()
                + " (SCAN + UNLINK), and nothing else"));
        reset.setOnAction(e -> resetDemoData());
        Button smaller = new Button("A−");
        smaller.setOnAction(e -> zoom(-0.1));
        smaller.setTooltip(new Tooltip("Smaller (Ctrl -)"));
        Button bigger = new Button("A+");
        bigger.setOnAction(e -> zoom(0.1));
        bigger.setTooltip(new Tooltip("Bigger (Ctrl +)"));
        Button themeButton = new Button("Theme");
        themeButton.setOnAction(e -> theme.toggle());
        themeButton.setTooltip(new Tooltip("Light / dark (Ctrl+D)"));
        Button helpButton = new Button("?");
        helpButton.setOnAction(e -> toggleHelp());
        helpButton.setTooltip(new Tooltip("Keyboard shortcuts (F1)"));
        for (Button b : new Button[]{connect, reset, smaller, bigger, themeButton, helpButton}) b.setFocusTraversable(false);
        HBox bar = new HBox(8, title, ns, notice, spacer, connect, reset, smaller, scaleLabel, bigger, themeButton, helpButton);
        bar.getStyleClass().add("tool-bar-main");
        return bar;
    }

    private void switchTo(Concept next) {
        if (next == active) return;
        if (active != null) active.deactivate();
        active = next;
        active.activate();
        journal.refilter();
    }

    /** Keyboard shortcuts, on the scene so they work whatever has the focus (text fields keep their keys). */
    public void install(Scene scene, Stage stage) {
        Theme.addStylesheets(scene, conceptIds());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean typing = scene.getFocusOwner() instanceof TextInputControl;
            if (e.isShortcutDown() && !e.isAltDown()) {
                KeyCode k = e.getCode();
                if (k.isDigitKey() && k != KeyCode.DIGIT0 && k != KeyCode.NUMPAD0) {
                    int n = Integer.parseInt(k.getName().replaceAll("\\D", ""));
                    if (n <= concepts.size()) tabs.getSelectionModel().select(n - 1);
                    e.consume();
                } else if (k == KeyCode.PLUS || k == KeyCode.EQUALS || k == KeyCode.ADD) {
                    zoom(0.1);
                    e.consume();
                } else if (k == KeyCode.MINUS || k == KeyCode.SUBTRACT) {
                    zoom(-0.1);
                    e.consume();
                } else if (k == KeyCode.DIGIT0 || k == KeyCode.NUMPAD0) {
                    scaled.setScale(1.0);
                    e.consume();
                } else if (k == KeyCode.D) {
                    theme.toggle();
                    e.consume();
                }
                return;
            }
            switch (e.getCode()) {
                case F11 -> {
                    if (stage != null) stage.setFullScreen(!stage.isFullScreen());
                    e.consume();
                }
                case F1 -> {
                    toggleHelp();
                    e.consume();
                }
                case ESCAPE -> {
                    if (help.isVisible()) {
                        help.setVisible(false);
                        e.consume();
                    }
                }
                case SPACE -> {
                    if (!typing) {
                        player().ifPresent(StepPlayer::togglePlay);
                        e.consume();
                    }
                }
                case RIGHT -> {
                    if (!typing && player().isPresent()) {
                        player().get().stepOnce();
                        e.consume();
                    }
                }
                default -> {
                    if (!typing && "?".equals(e.getText())) {
                        toggleHelp();
                        e.consume();
                    }
                }
            }
        });
    }

    private List<String> conceptIds() {
        return concepts.stream().map(Concept::id).toList();
    }

    private Optional<StepPlayer> player() {
        return active == null ? Optional.empty() : active.player();
    }

    private void zoom(double delta) {
        scaled.setScale(scaled.getScale() + delta);
    }

    private void toggleHelp() {
        help.setVisible(!help.isVisible());
    }

    private void openConnectionDialog() {
        ConnectionDialog d = new ConnectionDialog(scaled.getScene() == null ? null : scaled.getScene().getWindow(),
                services.gateway().target());
        Theme.addStylesheets(d.getDialogPane().getScene(), conceptIds());
        d.getDialogPane().pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("dark"), theme.dark());
        d.showAndWait().ifPresent(choice -> {
            notice.setText(choice.sandbox() ? "Starting the sandbox server…" : "Connecting to " + choice.target().redacted() + "…");
            (choice.sandbox() ? services.connectEmbedded() : services.connect(choice.target()))
                    .whenComplete((s, e) -> fx.execute(() -> notice.setText(e != null ? JournalFormat.errorMessage(e)
                            : s.connected() ? "Connected to " + s.target() : s.message())));
        });
    }

    private void resetDemoData() {
        String prefix = services.gateway().namespace().prefix();
        ConnectionStatus s = services.gateway().status();
        if (!s.sandbox()) {
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Delete every key that starts with '" + prefix + "' on "
                    + s.target() + "? Nothing else is touched.", ButtonType.OK, ButtonType.CANCEL);
            confirm.initOwner(scaled.getScene().getWindow());
            if (confirm.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) return;
        }
        resetNow();
    }

    /** Deletes the namespace and tells every tab to forget what it mirrored. */
    public void resetNow() {
        notice.setText("Removing keys under " + services.gateway().namespace().prefix() + "…");
        services.gateway().resetNamespace(active == null ? "shell" : active.id()).whenComplete((n, e) -> fx.execute(() -> {
            if (e != null) {
                notice.setText("Reset failed: " + JournalFormat.errorMessage(e));
                return;
            }
            concepts.forEach(Concept::onReset);
            notice.setText(String.format(Locale.ROOT, "Removed %,d keys under %s", n, services.gateway().namespace().prefix()));
        }));
    }

    /** The share of the window's height that the journal takes (0.1 to 0.6). */
    public void setJournalShare(double share) {
        split.setDividerPositions(1 - Math.max(0.1, Math.min(0.6, share)));
    }

    public Parent root() {
        return scaled;
    }

    public TabPane tabs() {
        return tabs;
    }

    public Theme theme() {
        return theme;
    }

    public ScaledPane scaledPane() {
        return scaled;
    }

    public JournalPane journal() {
        return journal;
    }

    public StatusBar statusBar() {
        return statusBar;
    }

    public HelpOverlay help() {
        return help;
    }

    public FrameClock clock() {
        return clock;
    }

    public Concept active() {
        return active;
    }

    public void select(Concept c) {
        tabs.getSelectionModel().select(concepts.indexOf(c));
    }
}
