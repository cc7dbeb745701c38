package dev.valkeyexplainer.concepts.ratelimit;

import dev.valkeyexplainer.concept.CodePanel;
import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyCall;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * The boundary double burst: fresh limiters, then the limit's worth of spells (cost 1) just before the
 * next boundary of the fixed windows, by the server's clock, and as many just after it. The fixed window
 * admits them all within half a second, twice its limit; the sliding log admits only the limit. The
 * spells are timed from one TIME read (half its round trip added), scheduled on the gateway's scheduler,
 * and their EVALSHA calls are made before the wait, so only the sending happens at each moment.
 */
final class BoundaryBurst {

    /** The first spells start this long before the boundary, the others this long after it (ms). */
    static final long BEFORE_MS = 350;
    static final long AFTER_MS = 50;

    /** Sends a prepared spell and puts its verdicts into the model. */
    interface Sender {
        CompletableFuture<Verdicts.Cast> send(long seq, List<ValkeyCall<Object>> calls);
    }

    /**
     * When the spells go, by the server's clock.
     *
     * @param boundaryMs the window boundary (a multiple of the window length)
     * @param atMs       each spell's time: {@code limit} before the boundary, {@code limit} after
     */
    record Plan(long boundaryMs, List<Long> atMs) {
        long lastMs() {
            return atMs.get(atMs.size() - 1);
        }
    }

    private final RateLimitModel model;
    private final Limiters limiters;
    private final ValkeyGateway.Scope scope;
    private final ScheduledExecutorService scheduler;
    private final Executor fx;
    private final CodePanel code;
    private final Sender sender;
    private final java.util.function.LongSupplier nextSeq;
    private final LongFunction<String> spellId;

    BoundaryBurst(RateLimitModel model, Limiters limiters, ValkeyGateway.Scope scope, ScheduledExecutorService scheduler,
                  Executor fx, CodePanel code, Sender sender, java.util.function.LongSupplier nextSeq, LongFunction<String> spellId) {
        this.model = model;
        this.limiters = limiters;
        this.scope = scope;
        this.scheduler = scheduler;
        this.fx = fx;
        this.code = code;
        this.sender = sender;
        this.nextSeq = nextSeq;
        this.spellId = spellId;
    }

    /** Why these settings cannot show the burst, or null. */
    static String problem(RateSettings s) {
        if (s.limit() > 50) return "The boundary burst sends the limit twice: set a limit of 50 or less for it.";
        if (s.windowMs() < 1_000) return "The boundary burst needs a window of at least 1 s.";
        return null;
    }

    /**
     * The next boundary at least {@code BEFORE_MS + 350} ms after {@code nowMs}, and the spells around
     * it: up to 60 ms apart, all the limit's spells within 300 ms on each side.
     */
    static Plan plan(long nowMs, RateSettings s) {
        long w = s.windowMs();
        long boundary = (Math.floorDiv(nowMs, w) + 1) * w;
        if (boundary - nowMs < BEFORE_MS + 350) boundary += w;
        long spacing = Math.max(1, Math.min(60, 300 / s.limit()));
        List<Long> at = new ArrayList<>();
        for (int i = 0; i < s.limit(); i++) at.add(boundary - BEFORE_MS + i * spacing);
        for (int i = 0; i < s.limit(); i++) at.add(boundary + AFTER_MS + i * spacing);
        return new Plan(boundary, List.copyOf(at));
    }

    /** FX thread. Completes (on the FX thread) with the spells, oldest first, once all are back. */
    CompletableFuture<List<Verdicts.Cast>> run(RateSettings s) {
        model.busy.set(true);
        model.zoom.set(null);
        List<Verdicts.Cast> results = Collections.synchronizedList(new ArrayList<>());
        return limiters.reset().thenCompose(x -> serverClock()).thenCompose(clock -> {
            Plan plan = plan(clock[0], s);
            fx.execute(() -> {
                model.clear();
                model.anchor(clock[0], clock[1]);
                model.boundary.set(new RateLimitModel.Boundary(plan.boundaryMs(), s.limit(), s.limit()));
                model.status.set(String.format(Locale.ROOT, "Waiting for the window boundary at %s (server time): %d spells"
                        + " %d ms before it, %d just after.", GaugeCanvas.clock(plan.boundaryMs()), s.limit(), BEFORE_MS, s.limit()));
            });
            List<CompletableFuture<Verdicts.Cast>> all = new ArrayList<>();
            for (long at : plan.atMs()) {
                long delay = Math.max(0, at - clock[0] - (System.nanoTime() - clock[1]) / 1_000_000);
                long seq = nextSeq.getAsLong();
                List<ValkeyCall<Object>> calls = limiters.calls(Limiters.CastArgs.of(s, 1, spellId.apply(seq)));
                CompletableFuture<Void> due = new CompletableFuture<>();
                scheduler.schedule(() -> due.complete(null), delay, TimeUnit.MILLISECONDS);
                all.add(due.thenCompose(v -> sender.send(seq, calls)).thenApply(c -> {
                    results.add(c);
                    return c;
                }));
            }
            return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(v -> plan);
        }).handleAsync((plan, e) -> {
            model.busy.set(false);
            if (e != null) {
                model.problem.set(JournalFormat.errorMessage(e));
                throw e instanceof CompletionException ce ? ce : new CompletionException(e);
            }
            List<Verdicts.Cast> done = new ArrayList<>(results);
            done.sort(Comparator.comparingLong(Verdicts.Cast::seq));
            finished(s, plan, done);
            return done;
        }, fx);
    }

    private void finished(RateSettings s, Plan plan, List<Verdicts.Cast> done) {
        long b = plan.boundaryMs();
        model.zoom.set(new long[]{b - BEFORE_MS - 250, Math.max(b + 600, plan.lastMs() + 250)});
        RateLimitModel.Peak fixed = RateLimitModel.peak(done, Limiter.FIXED, s.windowMs());
        model.status.set(String.format(Locale.ROOT, "Boundary burst at %s: the fixed window admitted %d within %.2f s (its"
                        + " limit is %d per %s s); the sliding log %d; the token bucket %d.", GaugeCanvas.clock(b), fixed.count(),
                (fixed.toMs() - fixed.fromMs()) / 1000.0, s.limit(), RateSettings.plain(s.windowSeconds()),
                RateLimitModel.admitted(done, Limiter.LOG), RateLimitModel.admitted(done, Limiter.BUCKET)));
        if (!done.isEmpty()) {
            code.show("The boundary burst: " + done.size() + " spells", RateLimitCode.cast(List.of(
                    limiters.call(Limiter.FIXED, s.fixedArgs()), limiters.call(Limiter.BUCKET, s.bucketArgs(1)),
                    limiters.call(Limiter.LOG, s.logArgs(spellId.apply(done.get(0).seq()))))));
        }
    }

    /** The server's TIME and the local nanoTime it corresponds to (half the round trip after the send). */
    private CompletableFuture<long[]> serverClock() {
        long t0 = System.nanoTime();
        return scope.send(Commands.read("TIME")).thenApply(r -> {
            long t1 = System.nanoTime();
            Object[] a = (Object[]) r;
            long ms = Long.parseLong(LiveState.text(a[0])) * 1000 + Long.parseLong(LiveState.text(a[1])) / 1000;
            return new long[]{ms, (t0 + t1) / 2};
        });
    }
}
