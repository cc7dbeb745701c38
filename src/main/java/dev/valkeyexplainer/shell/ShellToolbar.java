package dev.valkeyexplainer.shell;

import dev.valkeyexplainer.concept.Concept;
import javafx.beans.property.DoubleProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The tool bar (its form is {@code fxml/shell/toolbar.fxml}): the navigation toggle, where you are
 * ("Caching › Cache-aside"), the namespace, a notice line, back / forward, search, talk mode, the
 * connection, reset, scale, theme and help.
 */
public final class ShellToolbar {

    private final MainWindow window;
    private final ShellHost host;
    private final FoldingBar root;
    @FXML private Button navButton;
    @FXML private Label appTitle;
    @FXML private Label where;
    @FXML private Label namespace;
    @FXML private Label notice;
    @FXML private Button backButton;
    @FXML private Button forwardButton;
    @FXML private Button searchButton;
    @FXML private Button talkButton;
    @FXML private Button connectButton;
    @FXML private Button resetButton;
    @FXML private Button smallerButton;
    @FXML private Label scaleLabel;
    @FXML private Button biggerButton;
    @FXML private Button themeButton;
    @FXML private Button helpButton;
    @FXML private javafx.scene.control.MenuButton more;
    @FXML private javafx.scene.control.MenuItem moreNamespace;
    private Runnable onTalk = () -> { };

    ShellToolbar(MainWindow window, ShellHost host) {
        this.window = window;
        this.host = host;
        this.root = window.fxml().load("shell/toolbar.fxml", this);
        foldOrder();
    }

    @FXML
    private void initialize() {
        String prefix = host.gateway().namespace().prefix();
        namespace.setText("namespace " + prefix);
        resetButton.setTooltip(new Tooltip("Reset demo data: deletes every key that starts with " + prefix
                + " (SCAN + UNLINK), and nothing else"));
        moreNamespace.setText("Namespace " + prefix);
    }

    private void foldOrder() {
        root.setFoldOrder(java.util.List.of(java.util.List.of(namespace), java.util.List.of(where),
                java.util.List.of(backButton, forwardButton), java.util.List.of(themeButton),
                java.util.List.of(smallerButton, scaleLabel, biggerButton), java.util.List.of(helpButton),
                java.util.List.of(searchButton), java.util.List.of(talkButton), java.util.List.of(resetButton),
                java.util.List.of(connectButton), java.util.List.of(appTitle)), more);
    }

    HBox root() {
        return root;
    }

    void bindScale(DoubleProperty scale) {
        scale.addListener((o, a, b) -> scaleLabel.setText(Math.round(b.doubleValue() * 100) + "%"));
        scaleLabel.setText(Math.round(scale.get() * 100) + "%");
    }

    void showLocation(Concept c) {
        where.setText(c.group().title() + " › " + c.title());
    }

    /** FX thread: a short message (connecting, reset done, …). */
    public void notice(String text) {
        notice.setText(text);
        notice.setTooltip(text == null || text.isEmpty() ? null : new Tooltip(text));
        // a notice is news: it goes after a while (its text stays in the tooltip until then, and in the log)
        noticeClear.stop();
        if (text != null && !text.isEmpty()) noticeClear.playFromStart();
    }

    private final javafx.animation.PauseTransition noticeClear = new javafx.animation.PauseTransition(
            javafx.util.Duration.seconds(20));

    {
        noticeClear.setOnFinished(e -> {
            notice.setText("");
            notice.setTooltip(null);
        });
    }

    public String noticeText() {
        return notice.getText();
    }

    void onTalk(Runnable r) {
        onTalk = r;
    }

    @FXML private void toggleNavigation() {
        window.toggleNavigation();
    }

    @FXML private void back() {
        window.back();
    }

    @FXML private void forward() {
        window.forward();
    }

    @FXML private void search() {
        window.openSearch();
    }

    @FXML private void talk() {
        onTalk.run();
    }

    @FXML private void connect() {
        window.openConnectionDialog();
    }

    @FXML private void reset() {
        window.resetDemoData();
    }

    @FXML private void smaller() {
        window.zoom(-0.1);
    }

    @FXML private void bigger() {
        window.zoom(0.1);
    }

    @FXML private void toggleTheme() {
        window.theme().toggle();
    }

    @FXML private void help() {
        window.toggleHelp();
    }
}
