package dev.valkeyexplainer.concepts.ratelimit;

import dev.valkeyexplainer.concept.CodePanel;
import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tab's behaviour: what the panel asks for, run against the server through {@link Limiters} and
 * {@link StressTest}, with the result put into the model (FX thread), the calls shown in the code
 * panel, and a failure shown as the server's (or the app's) message. Methods are called on the FX
 * thread and return futures that complete once the model shows the result.
 */
final class RateLimitTab implements RateLimitControlsController.Handler {

    static final int WORKERS = 32;
    static final int CASTS = 1_000;
    static final int CLIENTS = 4;
    static final int PIPELINE = 50;
    static final int NAIVE_CASTS = 50;
    static final int BURST = 8;
    /** The boundary burst: the first spells this long before the boundary, the others this long after it. */
    static final long BEFORE_MS = 350;
    static final long AFTER_MS = 50;

    private final RateLimitModel model;
    private final Limiters limiters;
    private final StressTest stress;
    private final ValkeyGateway gateway;
    private final ValkeyGateway.Scope scope;
    private final Executor fx;
    private final CodePanel code;
    private final Runnable poll;
    private final String session = Long.toHexString(System.nanoTime() & 0xffffff);
    private final AtomicLong spells = new AtomicLong();
    private final AtomicBoolean streamPending = new AtomicBoolean();
    private ScheduledFuture<?> streamTask;
    RateLimitControlsController controls;

    RateLimitTab(RateLimitModel model, Limiters limiters, StressTest stress, ValkeyGateway gateway, ValkeyGateway.Scope scope,
                 Executor fx, CodePanel code, Runnable poll) {
        this.model = model;
        this.limiters = limiters;
        this.stress = stress;
        this.gateway = gateway;
        this.scope = scope;
        this.fx = fx;
        this.code = code;
        this.poll = poll;
    }

    private <T> CompletableFuture<T> refused(String why) {
        model.problem.set(why);
        return CompletableFuture.failedFuture(new IllegalArgumentException(why));
    }

    /** On the FX thread: shows a failure as its message and rethrows it. */
    private <T> T failed(Throwable e) {
        model.problem.set(JournalFormat.errorMessage(e));
        throw e instanceof CompletionException ce ? ce : new CompletionException(e);
    }

    // ---------------------------------------------------------------- spells

    @Override
    public void cast(long cost) {
        castSpell(cost);
    }

    /** One spell of {@code cost} from the form's settings; fails (sending nothing) on bad input. */
    CompletableFuture<Verdicts.Cast> castSpell(long cost) {
        model.problem.set("");
        long seq = spells.incrementAndGet();
        Limiters.CastArgs a = controls.args(cost, spellId(seq));
        if (a == null) return CompletableFuture.failedFuture(new IllegalArgumentException(model.problem.get()));
        if (!model.busy.get()) model.zoom.set(null);
        return send(seq, a, true);
    }

    private String spellId(long seq) {
        return "bob-" + session + "-" + seq;
    }

    /** Sends a spell (any thread); the verdicts reach the model on the FX thread. */
    private CompletableFuture<Verdicts.Cast> send(long seq, Limiters.CastArgs a, boolean showCode) {
        return send(seq, a.cost(), limiters.calls(a), showCode);
    }

    private CompletableFuture<Verdicts.Cast> send(long seq, long cost, List<dev.valkeyexplainer.valkey.ValkeyCall<Object>> calls,
                                                  boolean showCode) {
        return limiters.send(seq, cost, calls).handleAsync((d, e) -> {
            if (e != null) return failed(e);
            Verdicts.Cast c = d.value();
            model.add(c);
            if (c.nowMs() >= 0) model.anchor(c.nowMs(), System.nanoTime());
            if (c.failed()) model.problem.set((c.errors().contains(Limiters.REFUSED) ? "The server refused:\n" : "The spell failed:\n")
                    + c.errors());
            if (showCode) code.show("Spell " + seq + " (cost " + cost + ") into the three scripts", RateLimitCode.cast(d.calls()));
            model.status.set(describe(c));
            poll.run();
            return c;
        }, fx);
    }

    static String describe(Verdicts.Cast c) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Spell %d (cost %d): ", c.seq(), c.cost()));
        Verdicts.Fixed f = c.fixed();
        Verdicts.Bucket b = c.bucket();
        Verdicts.Log l = c.log();
        sb.append("fixed window ").append(f == null ? "error" : String.format(Locale.ROOT, "%s (count %d, %.1f s left)",
                word(f.allowed()), f.count(), f.msLeft() / 1000.0));
        sb.append(" · bucket ").append(b == null ? "error" : String.format(Locale.ROOT, "%s (%.3f tokens left)", word(b.allowed()),
                b.tokens()));
        sb.append(" · sliding log ").append(l == null ? "error" : String.format(Locale.ROOT, "%s (%d in the window)",
                word(l.allowed()), l.count()));
        return sb.toString();
    }

    private static String word(boolean allowed) {
        return allowed ? "allowed" : "denied";
    }

    @Override
    public void burst() {
        burstSpells(BURST, 1);
    }

    /** {@code n} spells one right after the other (each sent when the previous one's verdicts are back). */
    CompletableFuture<List<Verdicts.Cast>> burstSpells(int n, long cost) {
        List<Verdicts.Cast> out = new ArrayList<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int i = 0; i < n; i++) {
            chain = chain.thenComposeAsync(x -> castSpell(cost).thenAccept(out::add), fx);
        }
        return chain.thenApply(x -> out);
    }

    @Override
    public void boundaryBurst() {
        runBoundaryBurst();
    }

    /**
     * The boundary double burst: fresh limiters; the limit's worth of spells of cost 1 just before the
     * next window boundary (server time) and as many just after it. The fixed window admits all of them
     * within a moment; the sliding log admits only the limit.
     */
    CompletableFuture<List<Verdicts.Cast>> runBoundaryBurst() {
        model.problem.set("");
        RateSettings s = controls.checkedSettings();
        if (s == null) return CompletableFuture.failedFuture(new IllegalArgumentException(model.problem.get()));
        if (s.limit() > 50) return refused("The boundary burst sends the limit twice: set a limit of 50 or less for it.");
        if (s.windowMs() < 1_000) return refused("The boundary burst needs a window of at least 1 s.");
        model.settings.set(s);
        stopStream();
        model.busy.set(true);
        model.zoom.set(null);
        long spacing = Math.max(1, Math.min(60, 300 / s.limit()));
        List<Verdicts.Cast> results = Collections.synchronizedList(new ArrayList<>());
        return limiters.reset().thenCompose(x -> serverClock()).thenCompose(clock -> {
            long now = clock[0];
            long w = s.windowMs();
            long boundary = (Math.floorDiv(now, w) + 1) * w;
            if (boundary - now < BEFORE_MS + 350) boundary += w;
            long b = boundary;
            fx.execute(() -> {
                model.clear();
                model.anchor(now, clock[1]);
                model.boundary.set(new RateLimitModel.Boundary(b, s.limit(), s.limit()));
                model.status.set(String.format(Locale.ROOT, "Waiting for the window boundary at %s (server time): %d spells"
                        + " %d ms before it, %d just after.", GaugeCanvas.clock(b), s.limit(), BEFORE_MS, s.limit()));
            });
            List<CompletableFuture<Verdicts.Cast>> all = new ArrayList<>();
            for (int i = 0; i < 2 * s.limit(); i++) {
                long at = i < s.limit() ? b - BEFORE_MS + i * spacing : b + AFTER_MS + (i - s.limit()) * spacing;
                long delay = Math.max(0, at - now - (System.nanoTime() - clock[1]) / 1_000_000);
                long seq = spells.incrementAndGet();
                var calls = limiters.calls(Limiters.CastArgs.of(s, 1, spellId(seq)));
                CompletableFuture<Void> due = new CompletableFuture<>();
                gateway.scheduler().schedule(() -> due.complete(null), delay, TimeUnit.MILLISECONDS);
                all.add(due.thenCompose(v -> send(seq, 1, calls, false)).thenApply(c -> {
                            results.add(c);
                            return c;
                        }));
            }
            return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(v -> b);
        }).handleAsync((b, e) -> {
            model.busy.set(false);
            if (e != null) return failed(e);
            List<Verdicts.Cast> done = new ArrayList<>(results);
            done.sort(Comparator.comparingLong(Verdicts.Cast::seq));
            long last = b + AFTER_MS + (s.limit() - 1) * spacing;
            model.zoom.set(new long[]{b - BEFORE_MS - 250, Math.max(b + 600, last + 250)});
            RateLimitModel.Peak fixed = RateLimitModel.peak(done, Limiter.FIXED, s.windowMs());
            model.status.set(String.format(Locale.ROOT, "Boundary burst at %s: the fixed window admitted %d within %.2f s (its"
                            + " limit is %d per %s s); the sliding log %d; the token bucket %d.", GaugeCanvas.clock(b), fixed.count(),
                    (fixed.toMs() - fixed.fromMs()) / 1000.0, s.limit(), RateSettings.plain(s.windowSeconds()),
                    RateLimitModel.admitted(done, Limiter.LOG), RateLimitModel.admitted(done, Limiter.BUCKET)));
            if (!done.isEmpty()) code.show("The boundary burst: " + done.size() + " spells", RateLimitCode.cast(
                    List.of(limiters.call(Limiter.FIXED, s.fixedArgs()), limiters.call(Limiter.BUCKET, s.bucketArgs(1)),
                            limiters.call(Limiter.LOG, s.logArgs(spellId(done.get(0).seq()))))));
            return done;
        }, fx);
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

    @Override
    public void stream(boolean on, double perSecond) {
        stopStreamTask();
        if (!on) return;
        long period = Math.max(100, Math.round(1000 / perSecond));
        streamTask = gateway.scheduler().scheduleAtFixedRate(() -> fx.execute(this::streamTick), 0, period, TimeUnit.MILLISECONDS);
    }

    private void streamTick() {
        if (streamTask == null || model.busy.get() || !streamPending.compareAndSet(false, true)) return;
        castSpell(1).whenComplete((c, e) -> {
            streamPending.set(false);
            if (e != null) fx.execute(this::stopStream);
        });
    }

    private void stopStreamTask() {
        if (streamTask != null) streamTask.cancel(false);
        streamTask = null;
    }

    /** Stops the stream and releases its toggle (deactivation, a burst, a failure). */
    void stopStream() {
        stopStreamTask();
        if (controls != null) controls.stopStreamToggle();
    }

    @Override
    public void reset() {
        resetBob();
    }

    CompletableFuture<Long> resetBob() {
        model.problem.set("");
        return limiters.reset().handleAsync((n, e) -> {
            if (e != null) return failed(e);
            model.clear();
            model.status.set("DEL " + limiters.fixedKey + " " + limiters.bucketKey + " " + limiters.logKey + " → " + n
                    + ": fresh limiters (the next spell finds a full bucket).");
            poll.run();
            return n;
        }, fx);
    }

    // ---------------------------------------------------------------- scripts

    @Override
    public void loadScripts() {
        load();
    }

    CompletableFuture<List<Limiters.Loaded>> load() {
        model.problem.set("");
        return limiters.loadAll().handleAsync((d, e) -> {
            if (e != null) return failed(e);
            model.loaded.set(d.value());
            code.show("SCRIPT LOAD: the server answers the SHA1", RateLimitCode.load(d.value()));
            model.status.set("SCRIPT LOAD → " + String.join(", ", d.value().stream().map(l -> l.limiter().title().toLowerCase(Locale.ROOT)
                    + " " + l.serverSha().substring(0, 12) + "…").toList()) + ". EVALSHA calls a script by this SHA.");
            if (d.value().stream().anyMatch(l -> !l.same())) model.problem.set("The server's SHA differs from the one Glide computed.");
            return d.value();
        }, fx);
    }

    @Override
    public void flushAndCast() {
        flushDemo();
    }

    /**
     * SCRIPT FLUSH (the app's own sandbox only: it empties the script cache of the whole server), then
     * one spell, with the server's script counters read before and after: the journal has one EVALSHA
     * row per script, the counters show the three commands each stood for.
     */
    CompletableFuture<String> flushDemo() {
        model.problem.set("");
        if (!gateway.status().sandbox()) {
            return refused("SCRIPT FLUSH empties the script cache of the whole server, other applications' scripts too: this"
                    + " tab only sends it to the app's own sandbox server. (A spell still shows the fallback whenever a server"
                    + " has not seen the scripts, e.g. after a restart.)");
        }
        long seq = spells.incrementAndGet();
        Limiters.CastArgs a = controls.args(1, spellId(seq));
        if (a == null) return CompletableFuture.failedFuture(new IllegalArgumentException(model.problem.get()));
        model.busy.set(true);
        model.zoom.set(null);
        CompletableFuture<Boolean[]> known = limiters.flush().thenCompose(ok -> limiters.exists());
        return known.thenCompose(k -> limiters.stats().thenCompose(before -> send(seq, a, false)
                        .thenCompose(c -> limiters.stats()).thenCompose(after -> limiters.exists().thenApply(k2 ->
                                note(k, after.minus(before), k2)))))
                .handleAsync((note, e) -> {
                    model.busy.set(false);
                    if (e != null) return failed(e);
                    model.scriptNote.set(note);
                    code.show("SCRIPT FLUSH, then a spell", RateLimitCode.flush());
                    return note;
                }, fx);
    }

    static String note(Boolean[] before, Limiters.ScriptStats d, Boolean[] after) {
        return String.format(Locale.ROOT, "SCRIPT FLUSH emptied the script cache: SCRIPT EXISTS said %s. The spell's three"
                        + " EVALSHA rows in the journal each stood for more on the wire: EVALSHA → NOSCRIPT, then SCRIPT LOAD"
                        + " (Glide keeps the text in its Script), then EVALSHA again. The server's counters (INFO commandstats)"
                        + " moved by EVALSHA +%d, %d of them failed (NOSCRIPT), and SCRIPT LOAD +%d. SCRIPT EXISTS now: %s.",
                bits(before), d.evalsha(), d.evalshaFailed(), d.scriptLoad(), bits(after));
    }

    private static String bits(Boolean[] b) {
        StringBuilder sb = new StringBuilder();
        for (Boolean x : b) sb.append(sb.isEmpty() ? "" : " ").append(Boolean.TRUE.equals(x) ? 1 : 0);
        return sb.toString();
    }

    @Override
    public void showLua(Limiter l) {
        code.show(l.file() + " (" + l.title().toLowerCase(Locale.ROOT) + ")", RateLimitCode.lua(l));
    }

    // ---------------------------------------------------------------- concurrency

    @Override
    public void stress() {
        runStress(CASTS, NAIVE_CASTS);
    }

    /** The stress test: the script way, then the wrong way, against the bucket's settings (cost 1). */
    CompletableFuture<StressTest.Result[]> runStress(int casts, int naiveCasts) {
        model.problem.set("");
        RateSettings s = controls.checkedSettings();
        if (s == null) return CompletableFuture.failedFuture(new IllegalArgumentException(model.problem.get()));
        stopStream();
        model.busy.set(true);
        model.stressScript.set(null);
        model.stressNaive.set(null);
        model.status.set(String.format(Locale.ROOT, "Stress test: %d workers × %,d casts on %d connections…", WORKERS, casts, CLIENTS));
        StressTest.Config atomic = new StressTest.Config(StressTest.Mode.SCRIPT, WORKERS, casts, CLIENTS, s.capacity(),
                s.refillPerSecond(), PIPELINE);
        StressTest.Config naive = new StressTest.Config(StressTest.Mode.READ_THEN_WRITE, WORKERS, naiveCasts, CLIENTS, s.capacity(),
                s.refillPerSecond(), 1);
        return stress.run(atomic).thenCompose(a -> {
            fx.execute(() -> model.stressScript.set(a));
            return stress.run(naive).thenApply(n -> new StressTest.Result[]{a, n});
        }).handleAsync((r, e) -> {
            model.busy.set(false);
            if (e != null) return failed(e);
            model.stressScript.set(r[0]);
            model.stressNaive.set(r[1]);
            code.show("The stress test, both ways", RateLimitCode.stress(PIPELINE));
            model.status.set(String.format(Locale.ROOT, "Stress: the script admitted %,d of %,d (at most %,d allowed); read-then-write"
                            + " admitted %,d of %,d (at most %,d allowed).", r[0].allowed(), r[0].config().total(), r[0].maxAllowed(),
                    r[1].allowed(), r[1].config().total(), r[1].maxAllowed()));
            return r;
        }, fx);
    }

    /** After "Reset demo data" or a new server: nothing remembered. */
    void forget() {
        stopStream();
        model.clear();
        model.loaded.set(List.of());
        model.scriptNote.set("");
        model.problem.set("");
        model.status.set("");
        model.stressScript.set(null);
        model.stressNaive.set(null);
    }

    /** After a reconnect: the server may be a restarted process with an empty script cache. */
    void reconnected() {
        if (!model.loaded.get().isEmpty()) {
            model.scriptNote.set("Reconnected. If the server restarted, its script cache is empty: the next EVALSHA meets NOSCRIPT"
                    + " and Glide loads the script again, by itself.");
        }
    }
}
