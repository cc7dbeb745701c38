package dev.valkeyexplainer.concepts.ratelimit;

import dev.valkeyexplainer.concept.Async;
import dev.valkeyexplainer.concept.ScreenshotStep;
import dev.valkeyexplainer.concept.TalkStep;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The talk's rate-limiting scenario, step by step, with the same controls a user presses: the scripts
 * loaded (SHA), three spells per window and a fourth denied, spells with a price, the boundary double
 * burst, and the stress test. Also the screenshot steps, whose captions carry the server's figures.
 */
final class RateLimitTalk {

    private final RateLimitConcept concept;

    RateLimitTalk(RateLimitConcept concept) {
        this.concept = concept;
    }

    private RateLimitTab tab() {
        return concept.tab();
    }

    private <T> CompletableFuture<T> onFx(Supplier<CompletableFuture<T>> work) {
        return concept.onFxFuture(work);
    }

    /** A spell that must reach all three scripts (a step fails when one refused). */
    private CompletableFuture<Verdicts.Cast> spell(long cost) {
        return onFx(() -> tab().castSpell(cost)).thenApply(c -> {
            if (c.failed()) throw new IllegalStateException(c.errors());
            return c;
        });
    }

    private CompletableFuture<List<Limiters.Loaded>> load() {
        return onFx(() -> {
            tab().stopStream();
            tab().controls.talkSettings();
            tab().controls.mode(1);
            return tab().resetBob().thenCompose(n -> tab().scripts.load());
        });
    }

    /** Bob's pace in the talk's steps: a spell every {@value #PACE_MS} ms, so they stand apart on the timeline. */
    static final long PACE_MS = 400;

    /** The next spell after Bob's pause. */
    private CompletableFuture<Verdicts.Cast> paced(CompletableFuture<?> before, long cost) {
        return before.thenCompose(x -> Async.delay(PACE_MS)).thenCompose(x -> spell(cost));
    }

    /** Four spells of cost 1: the windows allow three, the fourth is denied. */
    private CompletableFuture<Verdicts.Cast> fourSpells() {
        CompletableFuture<Verdicts.Cast> first = onFx(() -> {
            tab().controls.talkSettings();
            tab().controls.mode(0);
            return tab().resetBob();
        }).thenCompose(x -> spell(1));
        return paced(paced(paced(first, 1), 1), 1);
    }

    /** Costs 3, 5, 1 on fresh limiters: the bucket charges by cost, the windows count spells. */
    private CompletableFuture<Verdicts.Cast> prices() {
        CompletableFuture<Verdicts.Cast> first = onFx(() -> {
            tab().controls.talkSettings();
            return tab().resetBob();
        }).thenCompose(x -> spell(3));
        return paced(paced(first, 5), 1);
    }

    private CompletableFuture<List<Verdicts.Cast>> boundary() {
        return onFx(() -> {
            tab().controls.talkSettings();
            tab().controls.mode(0);
            return tab().runBoundaryBurst();
        });
    }

    private CompletableFuture<StressTest.Result[]> stress() {
        return onFx(() -> {
            tab().controls.talkSettings();
            tab().controls.mode(2);
            return tab().scripts.runStress(RateLimitTab.CASTS, RateLimitTab.NAIVE_CASTS);
        });
    }

    List<TalkStep> talkSteps() {
        return List.of(
                new TalkStep("Scripts live on the server", "SCRIPT LOAD sends a script's text once; the server keeps it and"
                        + " answers its SHA1, the name EVALSHA calls it by. Glide computed the same hash from the text, so its"
                        + " invokeScript can call EVALSHA straight away, and loads the script itself if the server answers NOSCRIPT.",
                        this::load),
                new TalkStep("Three spells per window", "Bob casts four spells. The counter script lets three through in this"
                        + " window and denies the fourth; the counter and its TTL on the right are read from the server. When"
                        + " the window ends, the key is gone and Bob can cast again.", this::fourSpells),
                new TalkStep("Spells with a price", "A counter cannot tell a cheap spell from a dear one. The token bucket"
                        + " charges the cost: 3 passes; 5 is denied, since under 3 tokens are left; 1 passes. The gauge is the hash read"
                        + " live; between readings the refill is projected at one token per second.", this::prices),
                new TalkStep("The boundary double burst", "Three spells just before a window ends and three just after: the"
                        + " fixed window admits six within half a second, twice its limit. The sliding log, a sorted set of"
                        + " timestamps, admits three: it looks at the last five seconds, whenever they are.", this::boundary),
                new TalkStep("Atomic, proven", "32 workers on 4 connections cast 32,000 spells at one small bucket. The script"
                        + " never admits more than capacity plus refill, because nothing runs between its read and its write."
                        + " The same arithmetic done from the client, read then write, hands out the same tokens many times.",
                        this::stress));
    }

    List<ScreenshotStep> screenshotSteps() {
        return List.of(
                new ScreenshotStep("ratelimit-boundary", () -> boundary().thenApply(done -> {
                    RateSettings s = concept.model().settings.get();
                    RateLimitModel.Peak f = RateLimitModel.peak(done, Limiter.FIXED, s.windowMs());
                    RateLimitModel.Boundary b = concept.model().boundary.get();
                    return String.format(Locale.ROOT, "Rate limiting, the boundary double burst: %d spells around the window"
                                    + " boundary at %s (server time). The fixed window (%s) admitted %d within %.2f s; the sliding"
                                    + " log admitted %d; the token bucket (%s) %d.", done.size(), GaugeCanvas.clock(b.boundaryMs()),
                            s.describeWindow(), f.count(), (f.toMs() - f.fromMs()) / 1000.0,
                            RateLimitModel.admitted(done, Limiter.LOG), s.describeBucket(), RateLimitModel.admitted(done, Limiter.BUCKET));
                })),
                new ScreenshotStep("ratelimit-gauge", () -> prices().thenCompose(last -> concept.readNow().thenApply(live -> {
                    LiveState.BucketState b = live.bucket();
                    return String.format(Locale.ROOT, "Rate limiting, spells with a price: costs 3, 5, 1 on a fresh bucket of"
                                    + " 5 tokens: %s. The hash read back: tokens = %s (the double as stored), last_update = %d, TTL %d ms (EXPIRE"
                                    + " ceil(5 ÷ 1) = %d s). The script returned %d (tokens × 1000) and %d (the same number as a"
                                    + " plain Lua number, cut to an integer).", verdicts(), b.tokens(), b.lastUpdate(), b.pttlMs(),
                            last.bucket().ttlSeconds(), last.bucket().milliTokens(), last.bucket().luaTokens());
                }))),
                new ScreenshotStep("ratelimit-stress", () -> stress().thenApply(r -> String.format(Locale.ROOT, "Rate limiting,"
                                + " concurrency: %d workers on %d connections, bucket %d tokens +%s/s, cost 1. The script: %,d casts"
                                + " in %.2f s, %,d admitted, bound %.2f. Read-then-write from the client: %,d casts, %,d admitted,"
                                + " bound %.2f: %,d too many.", r[0].config().workers(), r[0].config().clients(),
                        r[0].config().capacity(), RateSettings.plain(r[0].config().rate()), r[0].config().total(),
                        r[0].wallMicros() / 1e6, r[0].allowed(), r[0].bound(), r[1].config().total(), r[1].allowed(), r[1].bound(),
                        Math.max(0, r[1].allowed() - r[1].maxAllowed())))),
                new ScreenshotStep("ratelimit-scripts", () -> load().thenCompose(l -> concept.sandbox()
                        ? onFx(() -> tab().scripts.flushDemo()).thenApply(note -> shas(l) + " " + note)
                        : CompletableFuture.completedFuture(shas(l)))));
    }

    private String verdicts() {
        StringBuilder sb = new StringBuilder();
        for (Verdicts.Cast c : concept.model().casts.get()) {
            if (!sb.isEmpty()) sb.append(", ");
            sb.append("cost ").append(c.cost()).append(' ').append(c.bucket() != null && c.bucket().allowed() ? "allowed" : "denied");
        }
        return sb.toString();
    }

    private static String shas(List<Limiters.Loaded> loaded) {
        StringBuilder sb = new StringBuilder("Rate limiting, the scripts: SCRIPT LOAD answered");
        for (Limiters.Loaded l : loaded) {
            sb.append(' ').append(l.serverSha()).append(" (").append(l.limiter().file()).append(l.same() ? ", = Glide's hash)" : ", ≠ Glide's)");
        }
        return sb.append('.').toString();
    }
}
