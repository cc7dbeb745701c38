package dev.valkeyexplainer.concepts.cache;

import dev.valkeyexplainer.concept.CodePanel;
import dev.valkeyexplainer.concept.MessageReveal;
import dev.valkeyexplainer.db.Player;
import dev.valkeyexplainer.valkey.JournalFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The cache-aside concept's "Try it" panel ({@code fxml/concepts/cache/controls.fxml}). The three parts'
 * controls stay disabled, saying so, until the game database has started (it starts off the FX thread
 * the first time the concept is shown). Every action goes to the {@link CacheModel}; the code panel shows
 * the current part's code with the values on the sliders.
 */
public final class CacheControlsController {

    private final CacheModel model;
    private final CodePanel code;
    private final Executor fx;
    private final Consumer<CacheMode> onMode;
    private final Random random = new Random();
    @FXML private ToggleGroup cacheModes;
    @FXML private ToggleButton cacheModeLookups;
    @FXML private ToggleButton cacheModeInvalidation;
    @FXML private ToggleButton cacheModeHot;
    @FXML private Label cacheDbStatus;
    @FXML private StackPane cacheParts;
    @FXML private VBox cacheLookupBox;
    @FXML private TextField cachePlayerId;
    @FXML private Button cacheLookup;
    @FXML private Slider cacheRate;
    @FXML private Label cacheRateLabel;
    @FXML private Button cacheStream;
    @FXML private Button cacheClear;
    @FXML private Label cacheLatencyLabel;
    @FXML private Slider cacheLatency;
    @FXML private Label cacheTtlLabel;
    @FXML private Slider cacheTtl;
    @FXML private VBox cacheInvalidationBox;
    @FXML private TextField cacheInvalidationId;
    @FXML private Button cacheLookupAgain;
    @FXML private TextField cacheGold;
    @FXML private Button cacheUpdate;
    @FXML private Button cacheRandomUpdate;
    @FXML private CheckBox cacheTrigger;
    @FXML private VBox cacheHotBox;
    @FXML private Label cacheReadersLabel;
    @FXML private Slider cacheReaders;
    @FXML private Label cacheHotTtlLabel;
    @FXML private Slider cacheHotTtl;
    @FXML private Label cacheThresholdLabel;
    @FXML private Slider cacheThreshold;
    /** The refresh threshold's largest value (s) when the TTL allows it. */
    static final double THRESHOLD_MAX = 20;
    @FXML private Button cacheHotButton;
    @FXML private Label cacheMessage;

    /** @param onMode told when the user picks another part (the view shows that part's panel) */
    CacheControlsController(CacheModel model, CodePanel code, Executor fx, Consumer<CacheMode> onMode) {
        this.model = model;
        this.code = code;
        this.fx = fx;
        this.onMode = onMode;
    }

    @FXML
    private void initialize() {
        cacheModeLookups.setUserData(CacheMode.LOOKUPS);
        cacheModeInvalidation.setUserData(CacheMode.INVALIDATION);
        cacheModeHot.setUserData(CacheMode.HOT_KEY);
        cacheModes.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one part is always shown
            } else {
                cacheMessage.setText(""); // a message about another part's field would read as this part's
                showMode((CacheMode) now.getUserData());
            }
        });
        cacheInvalidationId.textProperty().bindBidirectional(cachePlayerId.textProperty());
        cacheRateLabel.textProperty().bind(cacheRate.valueProperty().asString("%.0f / s"));
        cacheRateLabel.setMinWidth(55);
        cacheRate.valueProperty().addListener((o, a, b) -> {
            if (model.streaming()) model.startStream(b.intValue());
        });
        cacheLatencyLabel.textProperty().bind(cacheLatency.valueProperty().asString("Database latency: %.0f ms (simulated network)"));
        cacheLatency.valueProperty().addListener((o, a, b) -> model.latencyMs(b.intValue()));
        cacheTtlLabel.textProperty().bind(cacheTtl.valueProperty().asString("TTL of cached players: %.0f s"));
        cacheTtl.valueProperty().addListener((o, a, b) -> {
            model.ttlSeconds(b.intValue());
            if (model.mode() == CacheMode.LOOKUPS) showCode(CacheMode.LOOKUPS);
        });
        cacheTrigger.selectedProperty().addListener((o, a, b) -> model.triggerOn(b));
        cacheReadersLabel.textProperty().bind(cacheReaders.valueProperty().asString("Readers: %.0f"));
        cacheHotTtlLabel.textProperty().bind(cacheHotTtl.valueProperty().asString("TTL: %.0f s"));
        cacheThresholdLabel.textProperty().bind(cacheThreshold.valueProperty().asString("Refresh when under: %.0f s"));
        // the refresh threshold must stay below the TTL (else every read would refresh): the slider cannot pass
        // TTL − 1 s, so the figure shown is the one used, never clamped out of sight
        cacheThreshold.maxProperty().bind(javafx.beans.binding.Bindings.min(THRESHOLD_MAX, cacheHotTtl.valueProperty().subtract(1)));
        for (Slider s : new Slider[]{cacheHotTtl, cacheThreshold}) {
            s.valueProperty().addListener((o, a, b) -> {
                if (model.mode() == CacheMode.HOT_KEY) showCode(CacheMode.HOT_KEY);
            });
        }
        showCode(CacheMode.LOOKUPS);
        // the database starts off the FX thread; until then the parts are disabled and say why
        model.ready().whenComplete((x, e) -> fx.execute(() -> {
            if (e != null) {
                cacheDbStatus.setText("The game database could not start: " + JournalFormat.errorMessage(e));
                cacheDbStatus.getStyleClass().setAll("label", "error-text");
                return;
            }
            cacheDbStatus.setVisible(false);
            cacheDbStatus.setManaged(false);
            cacheParts.setDisable(false);
        }));
    }

    private void showMode(CacheMode m) {
        model.mode(m);
        onMode.accept(m);
        cacheLookupBox.setVisible(m == CacheMode.LOOKUPS);
        cacheInvalidationBox.setVisible(m == CacheMode.INVALIDATION);
        cacheHotBox.setVisible(m == CacheMode.HOT_KEY);
        if (m == CacheMode.INVALIDATION) model.watch(parseId().orElse(7));
        showCode(m);
    }

    private void showCode(CacheMode m) {
        switch (m) {
            case LOOKUPS -> code.show("Cache-aside", CacheCode.lookup(model.keyPrefix(), (int) cacheTtl.getValue()));
            case INVALIDATION -> code.show("Invalidation by trigger", CacheCode.trigger(model.keyPrefix()));
            case HOT_KEY -> code.show("The hot key: one reload per expiry",
                    model.hotCode((int) cacheHotTtl.getValue(), (int) cacheThreshold.getValue()));
        }
    }

    /** Shows a part (talk and screenshot steps press the same toggle a user would). */
    void select(CacheMode m) {
        for (Toggle t : cacheModes.getToggles()) if (t.getUserData() == m) t.setSelected(true);
    }

    // ------------------------------------------------------------------ input

    private Optional<Integer> parseId() {
        try {
            int id = Integer.parseInt(cachePlayerId.getText().strip().replace(",", ""));
            if (id >= 1 && id <= model.players()) return Optional.of(id);
        } catch (NumberFormatException e) {
            // not a number: the caller says what a player id must be
        }
        return Optional.empty();
    }

    private Optional<Integer> checkedId() {
        Optional<Integer> id = parseId();
        MessageReveal.problem(cacheMessage, id.isEmpty() ? String.format(Locale.ROOT, "The player id must be a whole number from 1 to %,d.",
                model.players()) : "");
        return id;
    }

    @FXML
    private void onLookup() {
        checkedId().ifPresent(this::lookup);
    }

    CompletableFuture<PlayerCache.Lookup> lookup(int id) {
        cachePlayerId.setText(Integer.toString(id));
        return model.lookup(id).whenComplete((l, e) -> fx.execute(() -> {
            if (e != null) MessageReveal.problem(cacheMessage, "Lookup failed: " + JournalFormat.errorMessage(e));
        }));
    }

    @FXML
    private void onStream() {
        if (model.streaming()) stopStream();
        else startStream((int) cacheRate.getValue());
    }

    void startStream(int perSecond) {
        cacheRate.setValue(perSecond);
        model.startStream(perSecond);
        cacheStream.setText("Stop stream");
    }

    void stopStream() {
        model.stopStream();
        cacheStream.setText("Start stream");
    }

    @FXML
    private void onClear() {
        model.clearCached().whenComplete((n, e) -> fx.execute(() -> MessageReveal.show(cacheMessage, e != null
                ? "Clear failed: " + JournalFormat.errorMessage(e) : String.format(Locale.ROOT, "Removed %,d cached players.", n), e != null)));
    }

    @FXML
    private void onUpdate() {
        Optional<Integer> id = checkedId();
        if (id.isEmpty()) return;
        long gold;
        try {
            gold = Long.parseLong(cacheGold.getText().strip().replace(",", ""));
            if (gold < 0 || gold > 1_000_000_000L) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            MessageReveal.problem(cacheMessage, "Gold must be a whole number from 0 to 1,000,000,000.");
            return;
        }
        update(id.get(), gold);
    }

    @FXML
    private void onRandomUpdate() {
        update(parseId().orElse(1 + random.nextInt(model.players())), random.nextInt(100_000));
    }

    /** A real UPDATE in the database; completes after the trigger's DEL (if it is on) was answered. */
    CompletableFuture<Player> update(int id, long gold) {
        cachePlayerId.setText(Integer.toString(id));
        cacheGold.setText(Long.toString(gold));
        return model.update(id, gold).whenComplete((p, e) -> fx.execute(() ->
                MessageReveal.problem(cacheMessage, e == null ? "" : "UPDATE failed: " + JournalFormat.errorMessage(e))));
    }

    void trigger(boolean on) {
        cacheTrigger.setSelected(on);
    }

    @FXML
    private void onHot() {
        if (model.hotRunning()) stopHot();
        else startHot((int) cacheReaders.getValue(), (int) cacheHotTtl.getValue(), (int) cacheThreshold.getValue());
    }

    CompletableFuture<Void> startHot(int n, int ttl, int under) {
        cacheReaders.setValue(n);
        cacheHotTtl.setValue(ttl);
        cacheThreshold.setValue(under);
        cacheHotButton.setText("Stop readers");
        showCode(CacheMode.HOT_KEY);
        return model.startHot(n, (int) cacheHotTtl.getValue(), (int) cacheThreshold.getValue())
                .whenComplete((x, e) -> fx.execute(() -> {
                    if (e != null) MessageReveal.problem(cacheMessage, "The readers could not start: " + JournalFormat.errorMessage(e));
                }));
    }

    void stopHot() {
        model.stopHot();
        cacheHotButton.setText("Start readers");
    }

    /** The concept left the screen: the stream and the readers stop, and the buttons say so. */
    void stopAll() {
        stopStream();
        stopHot();
    }

    String message() {
        return cacheMessage.getText();
    }
}
