package dev.valkeyexplainer.concepts.csc;

import dev.valkeyexplainer.concept.Snippet;
import dev.valkeyexplainer.valkey.JournalFormat;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;

/**
 * The "Try it" panel ({@code fxml/concepts/csc/controls.fxml}): reads through the pool, writes from
 * elsewhere, the tracking mode, the stepped race, the local cache's bound and TTL, and FLUSHALL (sandbox
 * only). Every action is a method that the buttons and the talk steps share; they run on the FX thread
 * and return futures that complete when the server has answered. Bad input is explained in the panel
 * and changes nothing.
 */
public final class CscControlsController {

    @FXML private ComboBox<String> keyChoice;
    @FXML private Button readButton;
    @FXML private Button readAllButton;
    @FXML private ToggleButton trafficButton;
    @FXML private TextField valueField;
    @FXML private Button writeButton;
    @FXML private Button ownWriteButton;
    @FXML private ToggleGroup modeGroup;
    @FXML private RadioButton defaultMode;
    @FXML private RadioButton bcastMode;
    @FXML private CheckBox noloopBox;
    @FXML private CheckBox optinBox;
    @FXML private Label trackingCommand;
    @FXML private CheckBox holdBox;
    @FXML private Button releaseButton;
    @FXML private TextField maxField;
    @FXML private TextField ttlField;
    @FXML private Button applyLocalButton;
    @FXML private Button flushButton;
    @FXML private Label flushReason;
    @FXML private Label message;

    private final CachingClient client;
    private final Executor fx;
    private final BiConsumer<String, Snippet> code;
    private final Traffic traffic;
    private boolean applying;

    /**
     * @param code shows a heading and a snippet in the tab's code panel
     */
    CscControlsController(CachingClient client, Executor fx, ScheduledExecutorService scheduler, BiConsumer<String, Snippet> code) {
        this.client = client;
        this.fx = fx;
        this.code = code;
        this.traffic = new Traffic(client, scheduler);
    }

    @FXML
    private void initialize() {
        keyChoice.getItems().setAll(client.keys().all());
        keyChoice.setValue(client.keys().player(3));
        modeGroup.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) a.setSelected(true);
            else if (!applying) applyModeFromControls();
        });
        noloopBox.selectedProperty().addListener((o, a, b) -> {
            if (!applying) applyModeFromControls();
        });
        optinBox.selectedProperty().addListener((o, a, b) -> {
            if (!applying) applyModeFromControls();
        });
        holdBox.selectedProperty().addListener((o, a, b) -> {
            client.holdReplies(b);
            releaseButton.setDisable(!b);
            if (b) code.accept("The race: a placeholder, cancelled by the invalidation", CscCode.READ);
        });
        showTrackingCommand(client.mode());
    }

    // ------------------------------------------------------------------ reads and writes

    @FXML
    private void onRead() {
        read(keyChoice.getValue());
    }

    @FXML
    private void onReadAll() {
        readAll();
    }

    @FXML
    private void onTraffic() {
        traffic(trafficButton.isSelected());
    }

    @FXML
    private void onWrite() {
        value().ifPresent(v -> writeElsewhere(keyChoice.getValue(), v));
    }

    @FXML
    private void onOwnWrite() {
        value().ifPresent(v -> watch("Own write", client.writeOwn(keyChoice.getValue(), v)));
    }

    /** One read of {@code key}. */
    CompletableFuture<CachingClient.ReadResult> read(String key) {
        code.accept("A read: local cache, then a data connection", CscCode.READ);
        return watch("Read", client.read(key));
    }

    /** Reads the twelve players one after the other. */
    CompletableFuture<Void> readAll() {
        code.accept("A read: local cache, then a data connection", CscCode.READ);
        CompletableFuture<?> chain = CompletableFuture.completedFuture(null);
        for (String k : client.keys().players()) chain = chain.thenCompose(x -> client.read(k));
        return watch("Read all", chain.thenAccept(x -> { }));
    }

    /** A write of {@code key} by the game server (another client). */
    CompletableFuture<String> writeElsewhere(String key, String value) {
        code.accept("Connection 0 applies the invalidations", CscCode.INVALIDATE);
        return watch("Write", client.writeElsewhere(key, value));
    }

    /** {@code n} reads, four at a time, of players chosen with a skew (player 1 is the hottest). */
    CompletableFuture<Void> burst(int n) {
        return watch("Reads", traffic.burst(n));
    }

    /** Live traffic on (reads at {@link Traffic#READS_PER_SECOND}, a game-server write every 2 s) or off. */
    void traffic(boolean on) {
        trafficButton.setSelected(on);
        traffic.live(on);
    }

    void stopTraffic() {
        traffic(false);
    }

    private Optional<String> value() {
        String v = valueField.getText() == null ? "" : valueField.getText().strip();
        if (v.isEmpty() || v.length() > 200) {
            message.setText("Type a value of 1 to 200 characters, e.g. gold=999.");
            return Optional.empty();
        }
        message.setText("");
        return Optional.of(v);
    }

    // ------------------------------------------------------------------ tracking mode

    private void applyModeFromControls() {
        if (bcastMode.isSelected() && optinBox.isSelected()) {
            message.setText("OPTIN works only in the default mode; the server refuses it with BCAST.");
            applying = true;
            optinBox.setSelected(false);
            applying = false;
        }
        optinBox.setDisable(bcastMode.isSelected());
        applyMode(new TrackingMode(bcastMode.isSelected(), client.keys().prefix(), noloopBox.isSelected(), optinBox.isSelected()));
    }

    /** How long a mode switch may take before it is reported as failed (nine connections re-track). */
    static final long MODE_TIMEOUT_S = 20;

    /** Switches the tracking mode (the controls follow); completes when all nine data connections track again. */
    CompletableFuture<Void> applyMode(TrackingMode m) {
        applying = true;
        try {
            (m.bcast() ? bcastMode : defaultMode).setSelected(true);
            noloopBox.setSelected(m.noloop());
            optinBox.setSelected(m.optin());
            optinBox.setDisable(m.bcast());
        } finally {
            applying = false;
        }
        showTrackingCommand(m);
        code.accept("Switching the tracking mode", CscCode.mode(m, client.conn0Id()));
        // while the server is down the set-up retries every 2 s: say so after a while instead of waiting forever
        if (m.equals(client.mode())) return client.ready().orTimeout(MODE_TIMEOUT_S, java.util.concurrent.TimeUnit.SECONDS);
        return watch("Tracking mode", client.setMode(m).orTimeout(MODE_TIMEOUT_S, java.util.concurrent.TimeUnit.SECONDS));
    }

    private void showTrackingCommand(TrackingMode m) {
        long id = client.conn0Id();
        trackingCommand.setText(String.join(" ", m.onArgs(id < 0 ? 0 : id)).replace("REDIRECT 0", "REDIRECT <id of conn-0>"));
    }

    /** Refreshes what depends on the connection (the id in the command, whether FLUSHALL is allowed). */
    void refresh() {
        showTrackingCommand(client.mode());
        boolean allowed = client.flushAllowed();
        flushButton.setDisable(!allowed);
        flushReason.setText(allowed ? "Sent by the game-server client to the app's own sandbox server."
                : "Disabled: FLUSHALL would wipe a server the app did not start (it is only sent to the sandbox).");
    }

    // ------------------------------------------------------------------ race, local cache, flush

    /** Holds GET replies back (the race, stepped) or lets them through. */
    void hold(boolean on) {
        holdBox.setSelected(on);
    }

    @FXML
    private void onRelease() {
        release();
    }

    /** Lets the held replies reach the local cache. */
    int release() {
        return client.releaseHeld();
    }

    @FXML
    private void onApplyLocal() {
        Integer max = parse(maxField.getText(), 1, 100_000);
        Integer ttl = parse(ttlField.getText(), 0, 86_400);
        if (max == null || ttl == null) {
            message.setText("Max entries: a whole number from 1 to 100,000. TTL: seconds from 0 (none) to 86,400.");
            return;
        }
        message.setText("");
        client.configureLocal(max, ttl == 0 ? null : Duration.ofSeconds(ttl));
    }

    private static Integer parse(String text, int min, int max) {
        try {
            int v = Integer.parseInt(text.replace(",", "").replace("_", "").strip());
            return v < min || v > max ? null : v;
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    @FXML
    private void onFlush() {
        flush();
    }

    /** FLUSHALL on the sandbox, then the seed values again. */
    CompletableFuture<Void> flush() {
        code.accept("Connection 0 applies the invalidations", CscCode.INVALIDATE);
        return watch("FLUSHALL", client.flushAll().thenCompose(x -> client.seed()));
    }

    /** Shows a failed action's message (the server's own words) in the panel. */
    private <T> CompletableFuture<T> watch(String what, CompletableFuture<T> f) {
        f.whenComplete((v, e) -> fx.execute(() -> message.setText(e == null ? ""
                : what + " failed: " + JournalFormat.errorMessage(e))));
        return f;
    }

    /** For the talk steps and tests: the key shown in the chooser. */
    void choose(String key) {
        keyChoice.setValue(key);
    }

    String messageText() {
        return message.getText();
    }
}
