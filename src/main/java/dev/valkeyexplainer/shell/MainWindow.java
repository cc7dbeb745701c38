package dev.valkeyexplainer.shell;

import dev.valkeyexplainer.anim.FrameClock;
import dev.valkeyexplainer.concept.CodeLanguage;
import dev.valkeyexplainer.concept.Concept;
import dev.valkeyexplainer.concept.ConceptContext;
import dev.valkeyexplainer.concept.ConceptGroup;
import dev.valkeyexplainer.concept.FxHandoff;
import dev.valkeyexplainer.concept.FxmlLoader;
import dev.valkeyexplainer.concept.StepPlayer;
import dev.valkeyexplainer.valkey.ConnectionStatus;
import dev.valkeyexplainer.valkey.JournalFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window: the side navigation (concepts grouped by the talk's sections), the concept on
 * screen, the journal under it, the tool bar and the status bar. It opens concepts (a concept's view
 * is built the first time it is shown, and only the concept on screen is active), keeps the back /
 * forward history, and carries the presenter features: search, scale, theme, full screen, talk mode,
 * keyboard shortcuts and the help overlay.
 */
public final class MainWindow {

    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);
    /** Below this logical width (window width ÷ scale) the navigation starts folded away. */
    static final double NAV_FOLD_WIDTH = 1_100;

    private final ShellHost host;
    private final Executor fx;
    private final Theme theme = new Theme();
    private final FrameClock clock = new FrameClock();
    private final ObjectProperty<CodeLanguage> codeLanguage = new SimpleObjectProperty<>(CodeLanguage.JAVA);
    private final FxmlLoader fxml = new FxmlLoader();
    private final List<Concept> concepts;
    private final Map<Concept, Node> views = new HashMap<>();
    private final NavigationHistory<Concept> history = new NavigationHistory<>();
    private final ConceptContext context;
    private final StatusBar statusBar = new StatusBar(fxml);
    /** Made the first time they are opened: nothing hidden is built (or styled) before the first frame. */
    private HelpOverlay help;
    private SearchOverlay search;
    private StackPane layers;
    private final ConceptNav nav;
    private final StackPane content = new StackPane();
    private final BorderPane workspace = new BorderPane();
    private final JournalPane journal;
    private final ScaledPane scaled;
    private final SplitPane split;
    private final ShellToolbar toolbar;
    private final javafx.scene.layout.VBox bottom;
    private TalkMode talk;
    private double journalBeforeTalk = 0.72;
    private TalkBar talkBar;
    private Concept active;

    public MainWindow(ShellHost host, Executor fx) {
        this.host = host;
        this.fx = fx;
        this.concepts = host.concepts();
        context = new ConceptContext(host.gateway(), clock, theme.paletteProperty(), fx, host.services(), codeLanguage, fxml);
        journal = new JournalPane(host.journal(), fx, () -> active == null ? "" : active.id());
        nav = new ConceptNav(concepts, this::open);
        toolbar = new ShellToolbar(this, host);  // needs fxml, set above

        content.getStyleClass().add("concept-host");
        // nothing below the window may be wider than the window: concepts adapt to the width they get
        content.setMinSize(0, 0);
        workspace.setMinSize(0, 0);
        content.setId("concept-host");
        workspace.setCenter(content);
        workspace.setLeft(nav);
        split = new SplitPane(workspace, journal);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        // the journal keeps its share when the window or the scale changes (a fixed height would squeeze the concept
        // to nothing when a presenter zooms to 200 %)
        SplitPane.setResizableWithParent(journal, true);

        split.setMinSize(0, 0);
        journal.setMinSize(0, 0);
        BorderPane frame = new BorderPane(split);
        frame.setMinSize(0, 0);
        frame.setTop(toolbar.root());
        bottom = new javafx.scene.layout.VBox(statusBar.root());
        frame.setBottom(bottom);
        toolbar.onTalk(this::toggleTalk);
        layers = new StackPane(frame);
        layers.getStyleClass().add("app-root");
        scaled = new ScaledPane(layers);
        scaled.getStyleClass().add("scaled-root");
        theme.attach(scaled);

        FxHandoff<ConnectionStatus> statusHandoff = new FxHandoff<>(fx, s -> {
            statusBar.show(s);
            nav.showLimits(s.denied()); // concepts this user's ACL makes read-only or off
        });
        host.gateway().addStatusListener(statusHandoff::offer);
        // weak: a window that is gone (tests open many) leaves nothing behind in the global window list
        javafx.stage.Window.getWindows().addListener(new javafx.collections.WeakListChangeListener<>(popupScaler));
        host.addNoticeListener(text -> fx.execute(() -> toolbar.notice(text)));
        // a new server (Connect…, a restarted sandbox) has none of the data the concepts mirrored
        java.util.concurrent.atomic.AtomicReference<dev.valkeyexplainer.valkey.ConnectionTarget> last =
                new java.util.concurrent.atomic.AtomicReference<>(host.gateway().target());
        host.gateway().addConnectListener(t -> {
            dev.valkeyexplainer.valkey.ConnectionTarget before = last.getAndSet(t);
            if (before != null && !before.equals(t)) fx.execute(this::resetConcepts);
            fx.execute(this::restartActive); // read the new server at once, not at the next poll
        });

        ShellSettings settings = host.settings();
        theme.setDark(settings.dark());
        scaled.setScale(settings.scale());
        toolbar.bindScale(scaled.scaleProperty());
        Concept first = concepts.get(0);
        if (settings.firstConcept() != null) first = byId(settings.firstConcept()).orElse(first);
        open(first);
        if (settings.talk()) startTalk();
    }

    // ------------------------------------------------------------------ concepts

    /** FX thread: shows a concept (building its view the first time), records it in the history. */
    public void open(Concept c) {
        history.visit(c);
        show(c);
    }

    /** FX thread: opens the concept with this id; false when there is none. */
    public boolean select(String id) {
        Optional<Concept> c = byId(id);
        c.ifPresent(this::open);
        return c.isPresent();
    }

    public void select(Concept c) {
        open(c);
    }

    private void show(Concept next) {
        if (next == active) {
            nav.show(next);
            return;
        }
        if (active != null) active.deactivate();
        Node view = ensureView(next);
        content.getChildren().setAll(view);
        active = next;
        try {
            active.activate();
        } catch (RuntimeException e) {
            LOG.error("activating {} failed", next.id(), e);
        }
        nav.show(next);
        toolbar.showLocation(next);
        journal.refilter();
    }

    /** The concept's view, built the first time it is needed (FX thread). */
    private Node ensureView(Concept c) {
        Node view = views.get(c);
        if (view == null) {
            try {
                view = c.createView(context);
            } catch (RuntimeException e) {
                LOG.error("building the view of {} failed", c.id(), e);
                Label broken = new Label("This concept could not be shown: " + JournalFormat.errorMessage(e));
                broken.getStyleClass().add("error-text");
                broken.setWrapText(true);
                view = broken;
            }
            views.put(c, view);
        }
        return view;
    }

    // ------------------------------------------------------------------ talk mode

    /** FX thread: walks the talk from its first step (builds every concept's view first: steps drive them). */
    public void startTalk() {
        if (talk != null && talk.isActive()) return;
        journalBeforeTalk = split.getDividerPositions()[0];
        // the audience watches the concept: the journal keeps only its bar, whole, however high the window is
        split.heightProperty().addListener(journalBarOnly);
        concepts.forEach(this::ensureView);
        talk = new TalkMode(concepts, this::open, fx);
        talkBar = new TalkBar(talk, this::stopTalk);
        bottom.getChildren().setAll(talkBar, statusBar.root());
        talk.start();
        fx.execute(this::keepOnlyTheJournalBar); // once the talk bar is laid out
    }

    private final javafx.beans.InvalidationListener journalBarOnly = o -> keepOnlyTheJournalBar();

    /** Talk mode: the divider sits just above the journal's bar, so no half table header shows under it. */
    private void keepOnlyTheJournalBar() {
        double h = split.getHeight();
        if (h <= 0 || talk == null || !talk.isActive()) return;
        javafx.scene.Node divider = split.lookup(".split-pane-divider");
        double d = divider instanceof javafx.scene.layout.Region r ? r.getHeight() : 0;
        split.setDividerPositions(Math.max(0.5, 1 - (journal.barHeight() + d / 2) / h));
    }

    public void stopTalk() {
        if (talk == null) return;
        talk.stop();
        talkBar.closeNotesWindow();
        split.heightProperty().removeListener(journalBarOnly);
        split.setDividerPositions(journalBeforeTalk);
        bottom.getChildren().setAll(statusBar.root());
    }

    void toggleTalk() {
        if (talk != null && talk.isActive()) stopTalk();
        else startTalk();
    }

    public Optional<TalkMode> talk() {
        return talk != null && talk.isActive() ? Optional.of(talk) : Optional.empty();
    }

    public TalkBar talkBar() {
        return talkBar;
    }

    /** Talk mode's keys (what presenter clickers send); true when the key was used. */
    private boolean talkKey(KeyCode k) {
        if (talk == null || !talk.isActive()) return false;
        switch (k) {
            case PAGE_DOWN, RIGHT, SPACE -> talk.next();
            case PAGE_UP, LEFT -> talk.previous();
            case ESCAPE -> {
                if (overlayOpen()) return false;
                stopTalk();
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    public Optional<Concept> byId(String id) {
        return concepts.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Ctrl+digit: the group's first concept, or the next one in the group when it is already on screen. */
    void jumpToGroup(ConceptGroup g) {
        List<Concept> inGroup = concepts.stream().filter(c -> c.group() == g).toList();
        if (inGroup.isEmpty()) return;
        int at = inGroup.indexOf(active);
        open(inGroup.get(at < 0 ? 0 : (at + 1) % inGroup.size()));
    }

    public void back() {
        history.back().ifPresent(this::show);
    }

    public void forward() {
        history.forward().ifPresent(this::show);
    }

    // ------------------------------------------------------------------ keys

    /** Keyboard shortcuts, on the scene so they work whatever has the focus (text fields keep their keys). */
    public void install(Scene scene, Stage stage) {
        Theme.addStylesheets(scene, concepts.stream().map(Concept::id).toList());
        scene.widthProperty().addListener((o, a, w) -> foldNavigationIfNarrow(w.doubleValue()));
        scaled.scaleProperty().addListener((o, a, s) -> {
            foldNavigationIfNarrow(scene.getWidth());
            shrinkJournalIfLow(scene.getHeight());
        });
        scene.heightProperty().addListener((o, a, h) -> shrinkJournalIfLow(h.doubleValue()));
        foldNavigationIfNarrow(scene.getWidth());
        shrinkJournalIfLow(scene.getHeight());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean typing = scene.getFocusOwner() instanceof TextInputControl;
            KeyCode k = e.getCode();
            if (e.isAltDown() && !e.isShortcutDown()) {
                if (k == KeyCode.LEFT) back();
                else if (k == KeyCode.RIGHT) forward();
                else if (k == KeyCode.HOME) jumpToGroup(ConceptGroup.SERVER);
                else return;
                e.consume();
                return;
            }
            if (e.isShortcutDown() && !e.isAltDown()) {
                if (k.isDigitKey() && k != KeyCode.DIGIT0 && k != KeyCode.NUMPAD0) {
                    int n = Integer.parseInt(k.getName().replaceAll("\\D", ""));
                    if (n < ConceptGroup.values().length) jumpToGroup(ConceptGroup.values()[n]);
                } else if (k == KeyCode.K) {
                    search().show();
                } else if (k == KeyCode.B) {
                    toggleNavigation();
                } else if (k == KeyCode.PLUS || k == KeyCode.EQUALS || k == KeyCode.ADD) {
                    zoom(0.1);
                } else if (k == KeyCode.MINUS || k == KeyCode.SUBTRACT) {
                    zoom(-0.1);
                } else if (k == KeyCode.DIGIT0 || k == KeyCode.NUMPAD0) {
                    scaled.setScale(1.0);
                } else if (k == KeyCode.D) {
                    theme.toggle();
                } else {
                    return;
                }
                e.consume();
                return;
            }
            // PageDown / PageUp mean nothing in a one-line text field: a clicker works even with the caret in one
            boolean pageKey = k == KeyCode.PAGE_DOWN || k == KeyCode.PAGE_UP;
            if ((!typing || pageKey) && !e.isShortcutDown() && !e.isAltDown() && talkKey(k)) {
                e.consume();
                return;
            }
            switch (k) {
                case F11 -> {
                    if (stage != null) stage.setFullScreen(!stage.isFullScreen());
                    e.consume();
                }
                case F1 -> {
                    toggleHelp();
                    e.consume();
                }
                case ESCAPE -> {
                    if (overlayOpen()) {
                        if (help != null) help.setVisible(false);
                        if (search != null) search.hide();
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
                default -> { }
            }
        });
        // "/" and "?" are characters, not keys (their key codes differ between keyboard layouts)
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (scene.getFocusOwner() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) return;
            if ("/".equals(e.getCharacter())) {
                search().show();
                e.consume();
            } else if ("?".equals(e.getCharacter())) {
                toggleHelp();
                e.consume();
            }
        });
    }

    private void foldNavigationIfNarrow(double sceneWidth) {
        if (sceneWidth <= 0) return;
        boolean narrow = sceneWidth / scaled.getScale() < NAV_FOLD_WIDTH;
        setNavigationVisible(!narrow);
    }

    /** On a low window (800 px at 150 % is 533 logical px) the journal gives the concept the room. */
    private void shrinkJournalIfLow(double sceneHeight) {
        if (sceneHeight <= 0) return;
        if (sceneHeight / scaled.getScale() < 560 && split.getDividerPositions()[0] < 0.8) split.setDividerPositions(0.8);
    }

    /** Ctrl+B or the ☰ button: shows or folds the navigation (the search, keys and history still work). */
    public void toggleNavigation() {
        setNavigationVisible(workspace.getLeft() == null);
    }

    void setNavigationVisible(boolean visible) {
        workspace.setLeft(visible ? nav : null);
    }

    public boolean navigationVisible() {
        return workspace.getLeft() != null;
    }

    private Optional<StepPlayer> player() {
        return active == null ? Optional.empty() : active.player();
    }

    void zoom(double delta) {
        scaled.setScale(scaled.getScale() + delta);
    }

    void toggleHelp() {
        help().setVisible(!help().isVisible());
    }

    void openSearch() {
        search().show();
    }

    // ------------------------------------------------------------------ connection and reset

    void openConnectionDialog() {
        ConnectionDialog d = new ConnectionDialog(scaled.getScene() == null ? null : scaled.getScene().getWindow(),
                host.gateway().target(), fxml);
        dress(d);
        d.showAndWait().ifPresent(choice -> {
            toolbar.notice(choice.sandbox() ? "Starting the sandbox server…" : "Connecting to " + choice.target().redacted() + "…");
            (choice.sandbox() ? host.connectEmbedded() : host.connect(choice.target()))
                    .whenComplete((s, e) -> fx.execute(() -> toolbar.notice(e != null ? JournalFormat.errorMessage(e)
                            : s.connected() ? "Connected to " + s.target() : s.message())));
        });
    }

    /**
     * A dialog (its own window) looks like the window it belongs to: the app's styles, the theme, and
     * the UI scale (a presenter at 150 % must not get a 100 % dialog): the base font grows with the
     * scale and everything in the dialog is sized in ems.
     */
    private void dress(javafx.scene.control.Dialog<?> d) {
        Theme.addStylesheets(d.getDialogPane().getScene(), concepts.stream().map(Concept::id).toList());
        d.getDialogPane().pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("dark"), theme.dark());
        d.getDialogPane().setStyle(scaledFontStyle());
    }

    /** The app's base font size at 100 % (styles/app.css, .root). */
    static final double BASE_FONT_PX = 13;

    /** The base font at the current UI scale, as an inline style for a window of its own (dialog, popup). */
    private String scaledFontStyle() {
        return String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT_PX * scaled.getScale());
    }

    /**
     * Popups (menus, a combo box's list, tooltips) are windows of their own, out of reach of the scale
     * transform: each one this window opens gets the scaled base font (Modena sizes them in ems).
     */
    private final javafx.collections.ListChangeListener<javafx.stage.Window> popupScaler = this::scalePopups;

    private void scalePopups(javafx.collections.ListChangeListener.Change<? extends javafx.stage.Window> change) {
        while (change.next()) {
            for (javafx.stage.Window w : change.getAddedSubList()) {
                if (w instanceof javafx.stage.PopupWindow p && ownedByThisWindow(p)) {
                    String style = Math.abs(scaled.getScale() - 1) < 1e-3 ? "" : scaledFontStyle(); // at 100 %: as opened
                    // a menu, a list or a tooltip takes its styles from the control that opened it: style the popup
                    // control itself (its content inherits from it)
                    if (p instanceof javafx.scene.control.PopupControl pc) pc.setStyle(style);
                    else if (p.getScene() != null && p.getScene().getRoot() != null) p.getScene().getRoot().setStyle(style);
                }
            }
        }
    }

    private boolean ownedByThisWindow(javafx.stage.PopupWindow p) {
        javafx.stage.Window mine = scaled.getScene() == null ? null : scaled.getScene().getWindow();
        javafx.stage.Window owner = p.getOwnerWindow();
        while (owner instanceof javafx.stage.PopupWindow pw) owner = pw.getOwnerWindow(); // a submenu's owner is a menu
        return mine != null && owner == mine;
    }

    void resetDemoData() {
        String prefix = host.gateway().namespace().prefix();
        ConnectionStatus s = host.gateway().status();
        if (!s.sandbox()) {
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Delete every key that starts with '" + prefix + "' on "
                    + s.target() + ", and the Function libraries the app loaded (names starting with vx_)? Nothing else"
                    + " is touched.", ButtonType.OK, ButtonType.CANCEL);
            confirm.initOwner(scaled.getScene().getWindow());
            dress(confirm);
            if (confirm.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) return;
        }
        resetNow();
    }

    /** Deletes the namespace and tells every concept to forget what it mirrored. */
    public void resetNow() {
        toolbar.notice("Removing keys under " + host.gateway().namespace().prefix() + "…");
        host.gateway().resetNamespace(active == null ? "shell" : active.id()).whenComplete((n, e) -> fx.execute(() -> {
            if (e != null) {
                toolbar.notice("Reset failed: " + JournalFormat.errorMessage(e));
                return;
            }
            resetConcepts();
            toolbar.notice(String.format(Locale.ROOT, "Removed %,d keys under %s", n, host.gateway().namespace().prefix()));
        }));
    }

    /** FX thread: the concept on screen starts again, so its poller reads the server now. */
    private void restartActive() {
        if (active == null) return;
        try {
            active.deactivate();
            active.activate();
        } catch (RuntimeException e) {
            LOG.warn("restarting {} failed", active.id(), e);
        }
    }

    /** FX thread: every concept built so far forgets the state that mirrored the server. */
    private void resetConcepts() {
        for (Concept c : views.keySet()) {
            try {
                c.onReset();
            } catch (RuntimeException ex) {
                LOG.warn("{} failed to reset", c.id(), ex);
            }
        }
    }

    // ------------------------------------------------------------------ accessors

    /** The share of the window's height that the journal takes (0.1 to 0.6). */
    public void setJournalShare(double share) {
        split.setDividerPositions(1 - Math.max(0.1, Math.min(0.6, share)));
    }

    public Parent root() {
        return scaled;
    }

    /** The view of the concept on screen. */
    public Node activeView() {
        return active == null ? null : views.get(active);
    }

    /** The pane that holds the concept on screen (what the screenshot mode captures). */
    public Node conceptArea() {
        return content;
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

    private boolean overlayOpen() {
        return (help != null && help.isVisible()) || (search != null && search.isVisible());
    }

    public HelpOverlay help() {
        if (help == null) {
            help = new HelpOverlay(fxml);
            layers.getChildren().add(help.root());
        }
        return help;
    }

    public SearchOverlay search() {
        if (search == null) {
            search = new SearchOverlay(concepts, this::open);
            layers.getChildren().add(1, search);
        }
        return search;
    }

    public ConceptNav navigation() {
        return nav;
    }

    public FrameClock clock() {
        return clock;
    }

    public Concept active() {
        return active;
    }

    public ConceptContext context() {
        return context;
    }

    public ObjectProperty<CodeLanguage> codeLanguage() {
        return codeLanguage;
    }

    public FxmlLoader fxml() {
        return fxml;
    }

    /** True once the concept's view has been built (views are built on first visit). */
    public boolean viewBuilt(Concept c) {
        return views.containsKey(c);
    }
}
