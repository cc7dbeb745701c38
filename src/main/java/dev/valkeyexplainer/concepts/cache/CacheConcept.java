package dev.valkeyexplainer.concepts.cache;

import dev.valkeyexplainer.concept.Async;
import dev.valkeyexplainer.concept.CodePanel;
import dev.valkeyexplainer.concept.Concept;
import dev.valkeyexplainer.concept.ConceptGroup;
import dev.valkeyexplainer.concept.ConceptContext;
import dev.valkeyexplainer.concept.ConceptPane;
import dev.valkeyexplainer.concept.FxHandoff;
import dev.valkeyexplainer.concept.LivePoller;
import dev.valkeyexplainer.concept.ScreenshotStep;
import dev.valkeyexplainer.concept.TalkStep;
import dev.valkeyexplainer.concepts.cache.CacheLanes.Hop;
import dev.valkeyexplainer.concepts.cache.CacheLanes.Node;
import dev.valkeyexplainer.db.GameDatabase;
import dev.valkeyexplainer.db.Player;
import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Cache-aside with a real database: lazy loading with measured hits and misses, invalidation by a
 * database trigger, and keeping a hot key alive by refreshing it before its TTL runs out.
 */
public final class CacheConcept implements Concept {

    public static final String ID = "cache";
    static final int HOT_PLAYER = 1;

    /** One poll: the measured figures, the watched player on both sides, the hot key's TTL. */
    record Reading(LatencyStats.Snapshot stats, double dbPerSecond, int queue, long dbReads, Integer watchedId,
                   String cached, long cachedTtl, Player row, long hotTtl) {
    }

    private ConceptContext ctx;
    private dev.valkeyexplainer.anim.FrameClock.FrameListener frames;
    private CacheView view;
    private CodePanel code;
    private GameDatabase db;
    private PlayerCache cache;
    private HotKeyReaders hot;
    private LookupStream stream;
    private LivePoller<Reading> poller;
    private final LatencyStats stats = new LatencyStats();
    private final Random random = new Random();
    private volatile boolean triggerOn = true;
    private volatile Integer watched;
    private volatile CacheView.Mode mode = CacheView.Mode.LOOKUPS;
    private volatile long lastAnimatedNanos;
    private long lastReads;
    private long lastReadsAt;
    private final AtomicLong invalidations = new AtomicLong();
    private TextField idField;
    private TextField goldField;
    private Label inputMessage;
    private Button streamButton;
    private Slider rate;
    private Button hotButton;
    private Slider readers;
    private Slider hotTtl;
    private Slider threshold;
    private ToggleGroup modes;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ConceptGroup group() {
        return ConceptGroup.CACHING;
    }

    @Override
    public String summary() {
        return "Lazy loading from a SQL database, invalidation by trigger, hot keys kept alive";
    }

    @Override
    public List<String> keywords() {
        return List.of("GET", "SET", "EX", "TTL", "MULTI", "EXEC", "lazy loading", "invalidation", "hot key", "database", "stale");
    }

    @Override
    public String title() {
        return "Cache-aside";
    }

    @Override
    public javafx.scene.Node createView(ConceptContext context) {
        ctx = context;
        deactivate(); // a second view replaces the first
        view = new CacheView(ctx.palette());
        code = ctx.codePanel();
        code.show("Glide (Java): cache-aside", LOOKUP_CODE);
        frames = dt -> {
            view.lanes.step(dt);
            return false; // tokens are background motion: a screenshot need not wait for them
        };
        poller = new LivePoller<>(ctx.gateway().scheduler(), 500, this::read, new FxHandoff<>(ctx.fx(), this::show),
                e -> ctx.fx().execute(() -> view.showError("Could not read the server: " + JournalFormat.errorMessage(e))));
        return ConceptPane.layout(ID, "Cache-aside: lazy loading, invalidation and hot keys",
                "A real SQL database (H2) behind a real Valkey. Only the database's network delay is simulated; every"
                        + " latency shown is measured.", view, controls(), """
                        Lazy loading: read the cache first. A hit answers in microseconds. A miss goes to the database, \
                        then writes the row into Valkey with a TTL, so the next read hits. To keep the cache fresh, an \
                        UPDATE in the database fires a trigger that deletes the cached key (the talk uses a DynamoDB \
                        stream and a Lambda); without it, readers get the stale row until the TTL ends. A very hot item \
                        should never expire: readers check GET and TTL together in one MULTI/EXEC, and the first to see \
                        less than 5 s left reloads it and resets the TTL.""", code);
    }

    private GameDatabase db() {
        if (db == null) {
            db = ctx.service(GameDatabase.class).join();
            ValkeyGateway.Scope app = ctx.scope(ID, "app");
            cache = new PlayerCache(app, db, stats);
            cache.onLookup(this::animate);
            ValkeyGateway.Scope trigger = ctx.scope(ID, "db-trigger");
            // the database trigger's work: drop the cached copy of the updated row
            db.onRowUpdated(id -> {
                if (!triggerOn) return;
                invalidations.incrementAndGet();
                trigger.send(Commands.del(cache.key(id)));
                ctx.fx().execute(() -> view.lanes.send(List.of(new Hop(Node.DB, Node.VALKEY, "DEL " + cache.key(id), Palette::warn))));
            });
            hot = new HotKeyReaders(ctx.scope(ID, "hot"), db, ctx.gateway().scheduler(), HOT_PLAYER);
            hot.onRead(r -> ctx.fx().execute(() -> showHotRead(r)));
            stream = new LookupStream(ctx.gateway().scheduler(), new ZipfSampler(db.players(), 1.1, 42), id ->
                    cache.lookup(id, "stream").whenComplete((l, e) -> stream.done()));
        }
        return db;
    }

    private javafx.scene.Node controls() {
        modes = new ToggleGroup();
        ToggleButton lookups = mode("Lookups", CacheView.Mode.LOOKUPS);
        ToggleButton invalidation = mode("Invalidation", CacheView.Mode.INVALIDATION);
        ToggleButton hotKey = mode("Hot key", CacheView.Mode.HOT_KEY);
        lookups.setSelected(true);

        idField = new TextField("7");
        idField.setPrefColumnCount(6);
        idField.setId("cache-id");
        idField.setOnAction(e -> lookupTyped());
        Button lookup = new Button("Look up");
        lookup.setId("cache-lookup");
        lookup.setOnAction(e -> lookupTyped());
        rate = new Slider(1, 200, 20);
        Label rateLabel = new Label();
        rateLabel.textProperty().bind(rate.valueProperty().asString("%.0f / s"));
        rateLabel.setMinWidth(55);
        streamButton = new Button("Start stream");
        streamButton.setOnAction(e -> toggleStream());
        rate.valueProperty().addListener((o, a, b) -> {
            if (stream != null && stream.running()) stream.start(b.intValue());
        });
        Button clear = new Button("Clear cached players");
        clear.setOnAction(e -> clearCached());
        Slider latency = new Slider(0, 200, GameDatabase.DEFAULT_LATENCY_MS);
        Label latencyLabel = new Label();
        latencyLabel.textProperty().bind(latency.valueProperty().asString("Database latency: %.0f ms (simulated network)"));
        latency.valueProperty().addListener((o, a, b) -> db().setLatencyMs(b.intValue()));
        Slider ttl = new Slider(5, 300, 60);
        Label ttlLabel = new Label();
        ttlLabel.textProperty().bind(ttl.valueProperty().asString("TTL of cached players: %.0f s"));
        ttl.valueProperty().addListener((o, a, b) -> {
            db();
            cache.setTtlSeconds(b.intValue());
        });
        VBox lookupBox = new VBox(6, new HBox(6, new Label("Player id"), idField, lookup),
                new Label("A stream of lookups, Zipf-skewed (a few players are hot):"), new HBox(6, rate, rateLabel, streamButton),
                clear, latencyLabel, latency, ttlLabel, ttl);

        TextField invalidationId = new TextField();
        invalidationId.setPrefColumnCount(6);
        invalidationId.textProperty().bindBidirectional(idField.textProperty());
        invalidationId.setOnAction(e -> lookupTyped());
        Button lookupAgain = new Button("Look up");
        lookupAgain.setOnAction(e -> lookupTyped());
        goldField = new TextField("1000");
        goldField.setPrefColumnCount(7);
        Button update = new Button("UPDATE in the database");
        update.setOnAction(e -> updateTyped());
        Button randomUpdate = new Button("Random update");
        randomUpdate.setOnAction(e -> updateRandom());
        CheckBox trigger = new CheckBox("Trigger deletes the cached key on UPDATE");
        trigger.setSelected(true);
        trigger.selectedProperty().addListener((o, a, b) -> triggerOn = b);
        Label hint = new Label("Look up the player first (so it is cached), then change its gold in the database.");
        hint.setWrapText(true);
        VBox invalidationBox = new VBox(6, hint, new HBox(6, new Label("Player id"), invalidationId, lookupAgain),
                new HBox(6, new Label("Gold"), goldField, update), randomUpdate, trigger);

        readers = new Slider(1, 8, 3);
        hotTtl = new Slider(6, 60, 15);
        threshold = new Slider(1, 20, 5);
        Label readersLabel = new Label();
        readersLabel.textProperty().bind(readers.valueProperty().asString("Readers: %.0f"));
        Label hotTtlLabel = new Label();
        hotTtlLabel.textProperty().bind(hotTtl.valueProperty().asString("TTL: %.0f s"));
        Label thresholdLabel = new Label();
        thresholdLabel.textProperty().bind(threshold.valueProperty().asString("Refresh when under: %.0f s"));
        hotButton = new Button("Start readers");
        hotButton.setOnAction(e -> toggleHot());
        VBox hotBox = new VBox(6, readersLabel, readers, hotTtlLabel, hotTtl, thresholdLabel, threshold, hotButton);

        inputMessage = new Label();
        inputMessage.getStyleClass().add("error-text");
        inputMessage.setWrapText(true);
        StackPane modeControls = new StackPane(lookupBox, invalidationBox, hotBox);
        invalidationBox.setVisible(false);
        hotBox.setVisible(false);
        modes.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
                return;
            }
            CacheView.Mode m = (CacheView.Mode) b.getUserData();
            mode = m;
            view.showMode(m);
            lookupBox.setVisible(m == CacheView.Mode.LOOKUPS);
            invalidationBox.setVisible(m == CacheView.Mode.INVALIDATION);
            hotBox.setVisible(m == CacheView.Mode.HOT_KEY);
            code.show("Glide (Java)", switch (m) {
                case LOOKUPS -> LOOKUP_CODE;
                case INVALIDATION -> TRIGGER_CODE;
                case HOT_KEY -> HOT_CODE;
            });
            if (m == CacheView.Mode.INVALIDATION) watched = parseId().orElse(7);
        });
        return ConceptPane.panel("Try it", new HBox(4, lookups, invalidation, hotKey), modeControls, inputMessage);
    }

    private ToggleButton mode(String text, CacheView.Mode m) {
        ToggleButton b = new ToggleButton(text);
        b.setToggleGroup(modes);
        b.setUserData(m);
        return b;
    }

    private java.util.Optional<Integer> parseId() {
        try {
            int id = Integer.parseInt(idField.getText().strip().replace(",", ""));
            if (id >= 1 && id <= GameDatabase.DEFAULT_PLAYERS) return java.util.Optional.of(id);
        } catch (NumberFormatException ignored) {
            // fall through to the message
        }
        return java.util.Optional.empty();
    }

    private java.util.Optional<Integer> checkedId() {
        java.util.Optional<Integer> id = parseId();
        if (id.isEmpty()) inputMessage.setText("The player id must be a whole number from 1 to " + GameDatabase.DEFAULT_PLAYERS + ".");
        else inputMessage.setText("");
        return id;
    }

    // ------------------------------------------------------------------ lookups

    private void lookupTyped() {
        checkedId().ifPresent(id -> lookup(id, true));
    }

    CompletableFuture<PlayerCache.Lookup> lookup(int id, boolean always) {
        db();
        watched = id;
        if (always) lastAnimatedNanos = 0;
        return cache.lookup(id, "app").whenComplete((l, e) -> ctx.fx().execute(() -> {
            if (e != null) inputMessage.setText("Lookup failed: " + JournalFormat.errorMessage(e));
        }));
    }

    /** Lanes get a sample of the lookups (at most ~7 a second), so a fast stream stays readable. */
    private void animate(PlayerCache.Lookup l) {
        long now = System.nanoTime();
        boolean show = now - lastAnimatedNanos > 140_000_000L;
        if (show) lastAnimatedNanos = now;
        ctx.fx().execute(() -> {
            view.addRecent(l);
            if (!show) return;
            String key = "player:" + l.id();
            if (l.outcome() == PlayerCache.Outcome.HIT) {
                view.lanes.send(List.of(new Hop(Node.APP, Node.VALKEY, "GET " + key, Palette::accent),
                        new Hop(Node.VALKEY, Node.APP, "hit " + LatencyHistogram.micros(l.micros()), Palette::hit)));
            } else {
                view.lanes.send(List.of(new Hop(Node.APP, Node.VALKEY, "GET " + key, Palette::accent),
                        new Hop(Node.VALKEY, Node.APP, "nil (miss)", Palette::miss),
                        new Hop(Node.APP, Node.DB, "SELECT id=" + l.id(), Palette::database),
                        new Hop(Node.DB, Node.APP, "row", Palette::database),
                        new Hop(Node.APP, Node.VALKEY, "SET " + key + " EX " + cache.ttlSeconds(), Palette::valkey)));
            }
        });
    }

    private void toggleStream() {
        db();
        if (stream.running()) {
            stream.stop();
            streamButton.setText("Start stream");
        } else {
            stream.start((int) rate.getValue());
            streamButton.setText("Stop stream");
        }
    }

    private void clearCached() {
        db();
        ctx.gateway().deleteByPrefix(ID, "app", cache.keyPattern()).whenComplete((n, e) -> ctx.fx().execute(() ->
                inputMessage.setText(e != null ? "Clear failed: " + JournalFormat.errorMessage(e)
                        : String.format(Locale.ROOT, "Removed %,d cached players.", n))));
        stats.clear();
    }

    // ------------------------------------------------------------------ invalidation

    private void updateTyped() {
        java.util.Optional<Integer> id = checkedId();
        if (id.isEmpty()) return;
        long gold;
        try {
            gold = Long.parseLong(goldField.getText().strip().replace(",", ""));
            if (gold < 0 || gold > 1_000_000_000L) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            inputMessage.setText("Gold must be a whole number from 0 to 1,000,000,000.");
            return;
        }
        update(id.get(), gold);
    }

    private void updateRandom() {
        int id = parseId().orElse(1 + random.nextInt(GameDatabase.DEFAULT_PLAYERS));
        update(id, random.nextInt(100_000));
    }

    /** A real UPDATE on the database pool; the trigger (if on) deletes the cached key. */
    CompletableFuture<Player> update(int id, long gold) {
        db();
        watched = id;
        boolean withTrigger = triggerOn;
        return CompletableFuture.supplyAsync(() -> {
            Player before = db.peek(id);
            return db.update(id, before.level(), gold);
        }, ctx.gateway().scheduler()).whenComplete((p, e) -> ctx.fx().execute(() -> {
            if (e != null) {
                inputMessage.setText("UPDATE failed: " + JournalFormat.errorMessage(e));
                return;
            }
            inputMessage.setText("");
            CacheView.log(view.invalidationLog, String.format(Locale.ROOT, "UPDATE players SET gold = %,d WHERE id = %d → %s",
                    gold, id, withTrigger ? "trigger: DEL " + cache.key(id) : "no trigger: the cache keeps the old row"),
                    withTrigger ? "hit-text" : "miss-text");
            poller.tick();
        }));
    }

    // ------------------------------------------------------------------ hot key

    private void toggleHot() {
        db();
        if (hot.running()) {
            hot.stop();
            hotButton.setText("Start readers");
            return;
        }
        startHot((int) readers.getValue(), (int) hotTtl.getValue(), (int) threshold.getValue());
    }

    CompletableFuture<Void> startHot(int n, int ttl, int under) {
        db();
        readers.setValue(n);
        hotTtl.setValue(ttl);
        threshold.setValue(under);
        hot.configure(ttl, under);
        view.readerRows.getChildren().clear();
        for (int r = 1; r <= n; r++) {
            Label row = new Label("reader-" + r + ": waiting");
            row.getStyleClass().add("mono");
            view.readerRows.getChildren().add(row);
        }
        hotButton.setText("Stop readers");
        code.show("Glide (Java): keep the hot key alive", HOT_CODE);
        return hot.start(n, 400);
    }

    private void showHotRead(HotKeyReaders.Read r) {
        int i = r.reader() - 1;
        if (i < view.readerRows.getChildren().size()) {
            Label row = (Label) view.readerRows.getChildren().get(i);
            row.setText(String.format(Locale.ROOT, "reader-%d: MULTI GET+TTL → TTL %s%s", r.reader(),
                    r.ttlSeen() < 0 ? "none" : r.ttlSeen() + " s", r.refreshed() ? "  → refreshed" : ""));
            row.getStyleClass().removeAll("hit-text", "refresh-text");
            if (r.refreshed()) row.getStyleClass().add("refresh-text");
        }
        if (r.refreshed()) {
            view.lanes.send(List.of(new Hop(Node.APP, Node.VALKEY, "MULTI GET TTL", Palette::accent),
                    new Hop(Node.VALKEY, Node.APP, "TTL " + r.ttlSeen() + " s < " + hot.thresholdSeconds(), Palette::warn),
                    new Hop(Node.APP, Node.DB, "SELECT id=" + HOT_PLAYER, Palette::database),
                    new Hop(Node.DB, Node.APP, "row", Palette::database),
                    new Hop(Node.APP, Node.VALKEY, "SET EX " + hot.ttlSeconds() + " (reader-" + r.reader() + ")", Palette::valkey)));
            CacheView.log(view.refreshLog, String.format(Locale.ROOT, "%tT  reader-%d saw TTL %s < %d s → reloaded from the"
                            + " database, SET … EX %d", r.atMillis(), r.reader(), r.missing() ? "(key gone!)" : r.ttlSeen() + " s",
                    hot.thresholdSeconds(), hot.ttlSeconds()), r.missing() ? "miss-text" : "refresh-text");
        }
    }

    // ------------------------------------------------------------------ live reading

    private CompletionStage<Reading> read() {
        if (db == null) {
            return CompletableFuture.completedFuture(new Reading(stats.snapshot(), 0, 0, 0, null, null, -2, null, -2));
        }
        ValkeyGateway.Scope poll = ctx.scope(ID, "poller");
        Integer id = mode == CacheView.Mode.INVALIDATION ? watched : null;
        CompletableFuture<Object[]> watchedState = id == null ? CompletableFuture.completedFuture(null)
                : poll.send(Commands.get(cache.key(id))).thenCombine(poll.send(Commands.ttl(cache.key(id))),
                        (v, t) -> new Object[]{v, t});
        CompletableFuture<Long> hotTtlNow = mode == CacheView.Mode.HOT_KEY && hot.running()
                ? poll.send(Commands.ttl(hot.key())) : CompletableFuture.completedFuture(-2L);
        return watchedState.thenCombine(hotTtlNow, (w, ht) -> {
            long reads = db.reads();
            long now = System.nanoTime();
            double perSecond = lastReadsAt == 0 ? 0 : (reads - lastReads) / ((now - lastReadsAt) / 1e9);
            lastReads = reads;
            lastReadsAt = now;
            Player row = null;
            try {
                if (id != null) row = db.peek(id);
            } catch (RuntimeException ignored) {
                // a bad id shows as no row
            }
            return new Reading(stats.snapshot(), perSecond, db.inFlight(), reads, id, w == null ? null : (String) w[0],
                    w == null ? -2 : (Long) w[1], row, ht);
        });
    }

    private void show(Reading r) {
        view.showError("");
        view.showStats(r.stats(), r.dbPerSecond(), r.queue(), r.dbReads());
        if (r.watchedId() != null && r.row() != null) {
            int id = r.watchedId();
            view.compareTitle.setText("Player " + id + " (" + r.row().name() + ")");
            view.dbSide.setText(String.format(Locale.ROOT, "gold %,d · level %d · updated %tT", r.row().gold(), r.row().level(),
                    java.util.Date.from(r.row().updatedAt())));
            if (r.cached() == null) {
                view.cacheSide.setText("(not cached: GET returns nil)");
                view.verdict.setText("Not cached: the next lookup misses and loads the fresh row.");
                view.verdict.getStyleClass().setAll("label", "verdict", "muted");
            } else {
                long gold = Player.goldOf(r.cached());
                view.cacheSide.setText(String.format(Locale.ROOT, "gold %,d · level %d · TTL %d s", gold, Player.levelOf(r.cached()),
                        r.cachedTtl()));
                boolean fresh = gold == r.row().gold() && Player.levelOf(r.cached()) == r.row().level();
                view.verdict.setText(fresh ? "FRESH: the cached copy matches the database."
                        : String.format(Locale.ROOT, "STALE: readers get gold %,d until the TTL ends in %d s.", gold, r.cachedTtl()));
                view.verdict.getStyleClass().setAll("label", "verdict", fresh ? "hit-text" : "miss-text");
            }
        }
        if (r.hotTtl() >= 0 && hot != null) {
            view.ttlBar.setProgress((double) r.hotTtl() / hot.ttlSeconds());
            view.ttlText.setText(String.format(Locale.ROOT, "TTL %d s of %d (refreshed when a reader sees under %d s)."
                            + " Reads %,d · refreshes %,d · times a reader found it gone: %d", r.hotTtl(), hot.ttlSeconds(),
                    hot.thresholdSeconds(), hot.reads(), hot.refreshes(), hot.missing()));
        }
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void activate() {
        poller.start();
        ctx.clock().add(frames);
    }

    @Override
    public void deactivate() {
        if (poller != null) poller.stop();
        if (frames != null) ctx.clock().remove(frames);
        if (stream != null && stream.running()) {
            stream.stop();
            streamButton.setText("Start stream");
        }
        if (hot != null && hot.running()) {
            hot.stop();
            hotButton.setText("Start readers");
        }
    }

    @Override
    public void onReset() {
        stats.clear();
        view.recent.getChildren().clear();
    }

    private void select(CacheView.Mode m) {
        for (var t : modes.getToggles()) if (t.getUserData() == m) t.setSelected(true);
    }

    private static CompletableFuture<Void> pause(long ms) {
        return Async.delay(ms);
    }

    private <T> CompletableFuture<T> onFx(java.util.function.Supplier<CompletableFuture<T>> work) {
        return Async.onFx(ctx.fx(), work);
    }

    @Override
    public List<TalkStep> talkSteps() {
        return List.of(
                new TalkStep("A miss, then a hit", "Look up player 42 twice. The first lookup misses: GET returns nil, the"
                        + " app reads the row from the SQL database and writes it with SET … EX. The second one hits and"
                        + " answers in microseconds. Point at the lanes and at the two latencies.",
                        () -> onFx(() -> {
                            select(CacheView.Mode.LOOKUPS);
                            return ctx.gateway().send(ID, "app", Commands.del(ctx.gateway().namespace().key("player:42")))
                                    .thenCompose(x -> lookup(42, true)).thenCompose(x -> lookup(42, true));
                        })),
                new TalkStep("Invalidation", "Update player 7 in the database. The trigger deletes the cached copy (the"
                        + " talk's DynamoDB stream and Lambda), so the next lookup misses and reads the fresh row. Point at"
                        + " the cached copy and the database row side by side: FRESH.",
                        () -> onFx(() -> {
                            select(CacheView.Mode.INVALIDATION);
                            triggerOn = true;
                            return lookup(7, true).thenCompose(l -> update(7, 1_000 + (long) (Math.random() * 9_000)))
                                    .thenCompose(p -> pause(500)).thenCompose(x -> lookup(7, true));
                        })),
                new TalkStep("A hot key never expires", "Four readers check GET and TTL together in one MULTI/EXEC. The"
                        + " first to see less than the threshold left reloads the row and resets the TTL. Point at the TTL"
                        + " bar climbing back up: the hot key never expires.",
                        () -> onFx(() -> {
                            select(CacheView.Mode.HOT_KEY);
                            return startHot(4, 8, 5);
                        }).thenCompose(x -> pause(4_000))));
    }

    @Override
    public List<ScreenshotStep> screenshotSteps() {
        return List.of(
                new ScreenshotStep("cache-aside", () -> onFx(() -> {
                    select(CacheView.Mode.LOOKUPS);
                    rate.setValue(60);
                    toggleStream();
                    return pause(5_000);
                }).thenCompose(x -> onFx(() -> {
                    rate.setValue(6); // keep a few tokens moving for the picture
                    return pause(1_500);
                })).thenApply(x -> {
                    LatencyStats.Snapshot s = stats.snapshot();
                    return String.format(Locale.ROOT, "Cache-aside: %,d lookups, %.1f%% hits; hits p50 %s / p99 %s, misses"
                                    + " p50 %s / p99 %s (40 ms simulated database latency); %,d database reads.",
                            s.hits() + s.misses(), 100 * s.hitRatio(), LatencyHistogram.micros(s.hitP50()),
                            LatencyHistogram.micros(s.hitP99()), LatencyHistogram.micros(s.missP50()),
                            LatencyHistogram.micros(s.missP99()), db.reads());
                })),
                new ScreenshotStep("cache-invalidation", () -> onFx(() -> {
                    if (stream.running()) toggleStream();
                    select(CacheView.Mode.INVALIDATION);
                    triggerOn = false;
                    return lookup(7, true);
                }).thenCompose(l -> update(7, 4_242)).thenCompose(p -> pause(700)).thenCompose(x -> lookup(7, true))
                        .thenCompose(stale -> {
                            triggerOn = true;
                            return update(7, 9_999).thenCompose(p -> pause(700)).thenCompose(p -> lookup(7, true))
                                    .thenCompose(fresh -> pause(1_200).thenApply(y -> String.format(Locale.ROOT,
                                            "Invalidation: without the trigger, UPDATE gold = 4,242 left the cache serving"
                                                    + " gold %,d (a %s); with it, UPDATE gold = 9,999 deleted the key and the"
                                                    + " next lookup was a %s with gold %,d.", Player.goldOf(stale.json()),
                                            stale.outcome(), fresh.outcome(), Player.goldOf(fresh.json()))));
                        })),
                new ScreenshotStep("cache-hotkey", () -> onFx(() -> {
                    select(CacheView.Mode.HOT_KEY);
                    return startHot(4, 8, 5);
                }).thenCompose(x -> pause(9_000)).thenApply(x -> String.format(Locale.ROOT, "Hot key: 4 readers, TTL 8 s,"
                        + " refreshed under 5 s: %,d reads (MULTI GET+TTL), %,d refreshes, the key was found gone %d times"
                        + " over 9 s.", hot.reads(), hot.refreshes(), hot.missing()))));
    }

    static final String LOOKUP_CODE = """
            String key = "vx:player:" + id;
            String json = client.get(key).get();
            if (json == null) {                  // miss
                Player p = db.load(id);          // SELECT … WHERE id = ?
                json = p.toJson();
                client.set(key, json, SetOptions.builder()
                    .expiry(Expiry.Seconds(60L)).build()).get();
            }
            return json;                          // hit: microseconds""";

    static final String TRIGGER_CODE = """
            // H2 calls this for every updated row (AFTER UPDATE):
            public void fire(Connection c, Object[] old, Object[] row) {
                int id = (Integer) row[0];
                client.del(new String[]{"vx:player:" + id});
            }
            // CREATE TRIGGER invalidate AFTER UPDATE ON players
            //   FOR EACH ROW CALL "…InvalidationTrigger"
            // (in the talk: DynamoDB Streams → Lambda → DEL)""";

    static final String HOT_CODE = """
            // every reader, on every read of the hot item:
            Batch tx = new Batch(true)           // MULTI
                .get(key).ttl(key);              // EXEC
            Object[] r = client.exec(tx, false).get();
            long ttl = (Long) r[1];
            if (ttl < 5) {                        // about to expire
                String fresh = db.load(id).toJson();
                client.set(key, fresh, SetOptions.builder()
                    .expiry(Expiry.Seconds(15L)).build()).get();
            }""";
}
