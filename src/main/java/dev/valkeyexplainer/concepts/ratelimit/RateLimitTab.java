package dev.valkeyexplainer.concepts.ratelimit;

import dev.valkeyexplainer.concept.CodePanel;
import dev.valkeyexplainer.valkey.Periodic;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyCall;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.ArrayList;
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
 * The tab's behaviour: what the panel asks for, run against the server through {@link Limiters} (Bob's
 * spells, bursts, the stream), {@link BoundaryBurst} and {@link ScriptActions} (the scripts' cache and
 * the stress test), with the result put into the model (FX thread), the calls shown in the code panel,
 * and a failure shown as the server's (or the app's) message. Methods are called on the FX thread and
 * return futures that complete once the model shows the result.
 */
final class RateLimitTab implements RateLimitControlsController.Handler {

    static final int WORKERS = 32;
    static final int CASTS = 1_000;
    static final int CLIENTS = 4;
    static final int PIPELINE = 50;
    static final int NAIVE_CASTS = 50;
    static final int BURST = 8;

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
        this.burst = new BoundaryBurst(model, limiters, scope, gateway.scheduler(), fx, code,
                (seq, calls) -> send(seq, 1, calls, false), spells::incrementAndGet, this::spellId);
        this.scripts = new ScriptActions(this, model, limiters, stress, gateway, fx, code);
    }

    private final BoundaryBurst burst;
    final ScriptActions scripts;

    <T> CompletableFuture<T> refused(String why) {
        model.problem.set(why);
        return CompletableFuture.failedFuture(new IllegalArgumentException(why));
    }

    /** On the FX thread: shows a failure as its message and rethrows it. */
    <T> T failed(Throwable e) {
        model.problem.set(JournalFormat.errorMessage(e));
        throw e instanceof CompletionException ce ? ce : new CompletionException(e);
    }

    // ---------------------------------------------------------------- spells

    @Override
    public void cast(long cost) {
        castSpell(cost);
    }

    /** One spell of {@code cost} from the form's settings; fails (sending nothing) on bad input. */
    long nextSpell() {
        return spells.incrementAndGet();
    }

    CompletableFuture<Verdicts.Cast> castSpell(long cost) {
        model.problem.set("");
        long seq = nextSpell();
        Limiters.CastArgs a = controls.args(cost, spellId(seq));
        if (a == null) return CompletableFuture.failedFuture(new IllegalArgumentException(model.problem.get()));
        if (!model.busy.get()) model.zoom.set(null);
        return send(seq, a, true);
    }

    String spellId(long seq) {
        return "bob-" + session + "-" + seq;
    }

    /** Sends a spell (any thread); the verdicts reach the model on the FX thread. */
    CompletableFuture<Verdicts.Cast> send(long seq, Limiters.CastArgs a, boolean showCode) {
        return send(seq, a.cost(), limiters.calls(a), showCode);
    }

    private CompletableFuture<Verdicts.Cast> send(long seq, long cost, List<ValkeyCall<Object>> calls,
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

    /** The boundary double burst ({@link BoundaryBurst}) with the form's settings (checked; cost 1). */
    CompletableFuture<List<Verdicts.Cast>> runBoundaryBurst() {
        model.problem.set("");
        RateSettings s = controls.checkedSettings();
        if (s == null) return CompletableFuture.failedFuture(new IllegalArgumentException(model.problem.get()));
        String problem = BoundaryBurst.problem(s);
        if (problem != null) return refused(problem);
        model.settings.set(s);
        stopStream();
        return burst.run(s);
    }

    @Override
    public void stream(boolean on, double perSecond) {
        stopStreamTask();
        if (!on) return;
        long period = Math.max(100, Math.round(1000 / perSecond));
        streamTask = gateway.scheduler().scheduleAtFixedRate(Periodic.surviving("spell stream", () -> fx.execute(this::streamTick)), 0, period,
                TimeUnit.MILLISECONDS);
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

    // ---------------------------------------------------------------- scripts and concurrency ({@link ScriptActions})

    @Override
    public void loadScripts() {
        scripts.load();
    }

    @Override
    public void flushAndCast() {
        scripts.flushDemo();
    }

    @Override
    public void showLua(Limiter l) {
        scripts.showLua(l);
    }

    @Override
    public void stress() {
        scripts.runStress(CASTS, NAIVE_CASTS);
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
