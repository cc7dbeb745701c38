package dev.valkeyexplainer.concepts.cache;

import dev.valkeyexplainer.concept.Async;
import dev.valkeyexplainer.concept.ScreenshotStep;
import dev.valkeyexplainer.concept.TalkStep;
import dev.valkeyexplainer.db.Player;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The cache-aside concept's scenarios: the talk's steps and the screenshot steps. Each presses the same
 * controls a user would, and waits on the state it needs (a count reached, a verdict on screen), never
 * on a fixed time. Screenshot settings are chosen for speed and said in the caption.
 */
final class CacheSteps {

    static final long WAIT_MS = 30_000;
    /** Screenshot mode's stream: fast, so the figures fill quickly; then slow, so a few tokens move. */
    static final int SHOT_RATE = 200;
    static final int SHOT_LOOKUPS = 400;
    static final int SHOT_HOT_TTL = 6;
    static final int SHOT_HOT_UNDER = 5;

    private final Executor fx;
    private final CacheModel model;
    private final CacheView view;
    private final CacheControlsController controls;

    CacheSteps(Executor fx, CacheModel model, CacheView view, CacheControlsController controls) {
        this.fx = fx;
        this.model = model;
        this.view = view;
        this.controls = controls;
    }

    private <T> CompletableFuture<T> onFx(Supplier<CompletableFuture<T>> work) {
        return Async.onFx(fx, work);
    }

    private CompletableFuture<Void> until(String what, BooleanSupplier condition) {
        return Async.until(fx, what, condition, WAIT_MS);
    }

    List<TalkStep> talk() {
        return List.of(
                new TalkStep("A miss, then a hit", "Look up player 42 twice. The first lookup misses: GET returns nil, the"
                        + " app reads the row from the SQL database and writes it with SET … EX. The second one hits and"
                        + " answers in microseconds. Point at the lanes and at the two latencies.",
                        () -> onFx(() -> {
                            controls.select(CacheMode.LOOKUPS);
                            return model.ready().thenCompose(x -> model.forget(42))
                                    .thenCompose(x -> onFx(() -> controls.lookup(42)))
                                    .thenCompose(x -> onFx(() -> controls.lookup(42)));
                        })),
                new TalkStep("Invalidation", "Update player 7 in the database. The trigger deletes the cached copy (the"
                        + " talk's DynamoDB stream and Lambda), so the next lookup misses and reads the fresh row. Point at"
                        + " the cached copy and the database row side by side: FRESH.",
                        () -> onFx(() -> {
                            controls.select(CacheMode.INVALIDATION);
                            controls.trigger(true);
                            return controls.lookup(7).thenCompose(l -> Async.onFx(fx, () ->
                                    controls.update(7, 1_000 + (long) (Math.random() * 9_000))))
                                    .thenCompose(p -> Async.onFx(fx, () -> controls.lookup(7)));
                        })),
                new TalkStep("A hot key never expires", "Four readers check GET and TTL together in one MULTI/EXEC. The"
                        + " first to see less than the threshold left takes a short lock, reloads the row and resets the"
                        + " TTL; the others keep serving the cached value. Point at the TTL bar climbing back up, and at one"
                        + " reload per expiry.",
                        () -> onFx(() -> {
                            controls.select(CacheMode.HOT_KEY);
                            return controls.startHot(4, 8, 5);
                        }).thenCompose(x -> until("the hot key was reloaded once", () -> hotCounts().refreshes() >= 1))));
    }

    private HotKeyReaders.Counts hotCounts() {
        HotKeyReaders hot = model.hot();
        return hot == null ? new HotKeyReaders.Counts(0, 0, 0, 0, 0, 0) : hot.counts();
    }

    List<ScreenshotStep> screenshots() {
        return List.of(new ScreenshotStep("cache-aside", this::lookupsShot),
                new ScreenshotStep("cache-invalidation", this::invalidationShot),
                new ScreenshotStep("cache-hotkey", this::hotKeyShot));
    }

    private CompletableFuture<String> lookupsShot() {
        return onFx(() -> {
            controls.select(CacheMode.LOOKUPS);
            return model.ready().thenCompose(x -> model.clearCached());
        }).thenCompose(x -> onFx(() -> {
            controls.startStream(SHOT_RATE);
            return until(SHOT_LOOKUPS + " lookups on screen", () -> view.shown() != null
                    && view.shown().stats().hits() + view.shown().stats().misses() >= SHOT_LOOKUPS);
        })).thenCompose(x -> onFx(() -> {
            controls.startStream(6); // a few tokens keep moving for the picture
            return until("tokens on the lanes", () -> view.lanes.moving() >= 2);
        })).thenApply(x -> {
            LatencyStats.Snapshot s = view.shown().stats();
            return String.format(Locale.ROOT, "Cache-aside, a Zipf-skewed stream at %d lookups/s (fast for the picture) up to"
                            + " %,d lookups, then 6/s: %.1f%% hits; hits p50 %s / p99 %s, misses p50 %s / p99 %s (40 ms simulated"
                            + " database latency); %,d database reads.", SHOT_RATE, s.hits() + s.misses(), 100 * s.hitRatio(),
                    LatencyStats.micros(s.hitP50()), LatencyStats.micros(s.hitP99()), LatencyStats.micros(s.missP50()),
                    LatencyStats.micros(s.missP99()), view.shown().dbReads());
        });
    }

    private CompletableFuture<String> invalidationShot() {
        int id = 7;
        return onFx(() -> {
            controls.stopStream();
            controls.select(CacheMode.INVALIDATION);
            controls.trigger(false);
            return controls.lookup(id);
        }).thenCompose(l -> onFx(() -> controls.update(id, 4_242))).thenCompose(p -> onFx(() -> controls.lookup(id)))
                .thenCompose(stale -> onFx(() -> {
                    controls.trigger(true);
                    return controls.update(id, 9_999);
                }).thenCompose(p -> onFx(() -> controls.lookup(id)))
                        .thenCompose(fresh -> until("the comparison says FRESH", () -> view.verdictText().startsWith("FRESH"))
                                .thenApply(y -> String.format(Locale.ROOT, "Invalidation: without the trigger, UPDATE gold = 4,242"
                                                + " left the cache serving gold %,d (a %s); with it, UPDATE gold = 9,999 deleted the"
                                                + " key and the next lookup was a %s with gold %,d.", Player.goldOf(stale.json()),
                                        stale.outcome(), fresh.outcome(), Player.goldOf(fresh.json())))));
    }

    private CompletableFuture<String> hotKeyShot() {
        return onFx(() -> {
            controls.select(CacheMode.HOT_KEY);
            return controls.startHot(4, SHOT_HOT_TTL, SHOT_HOT_UNDER);
        }).thenCompose(x -> until("two reloads on screen, the second on the lanes", () -> view.shown() != null
                && view.shown().hot() != null && view.shown().hot().refreshes() >= 2 && view.shown().hotTtl() >= 0
                && view.lanes.moving() >= 1)).thenApply(x -> {
            HotKeyReaders.Counts c = view.shown().hot();
            return String.format(Locale.ROOT, "Hot key: 4 readers, TTL %d s refreshed under %d s (short, for the picture):"
                            + " %,d reads (MULTI GET+TTL); the TTL was seen under %d s %,d times, which led to %,d reloads (one"
                            + " per expiry: %,d found the refresh lock taken, %,d found it already reloaded); the key was found"
                            + " gone %d times.", SHOT_HOT_TTL, SHOT_HOT_UNDER, c.reads(), SHOT_HOT_UNDER, c.underThreshold(),
                    c.refreshes(), c.lockTaken(), c.alreadyFresh(), c.missing());
        });
    }
}
