package dev.valkeyexplainer.concepts.ratelimit;

import dev.valkeyexplainer.concept.CodePanel;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The "Scripts" and "Concurrency" parts of the tab: SCRIPT LOAD and the SHAs; on the app's own sandbox
 * only, SCRIPT FLUSH and one spell with the server's script counters around it (the EVALSHA → NOSCRIPT
 * → SCRIPT LOAD → EVALSHA that Glide does inside one invokeScript); the Lua of each script; and the
 * stress test both ways. Called on the FX thread; futures complete once the model shows the result.
 */
final class ScriptActions {

    private final RateLimitTab tab;
    private final RateLimitModel model;
    private final Limiters limiters;
    private final StressTest stress;
    private final ValkeyGateway gateway;
    private final Executor fx;
    private final CodePanel code;

    ScriptActions(RateLimitTab tab, RateLimitModel model, Limiters limiters, StressTest stress, ValkeyGateway gateway,
                  Executor fx, CodePanel code) {
        this.tab = tab;
        this.model = model;
        this.limiters = limiters;
        this.stress = stress;
        this.gateway = gateway;
        this.fx = fx;
        this.code = code;
    }

    CompletableFuture<List<Limiters.Loaded>> load() {
        model.problem.set("");
        return limiters.loadAll().handleAsync((d, e) -> {
            if (e != null) return tab.failed(e);
            model.loaded.set(d.value());
            code.show("SCRIPT LOAD: the server answers the SHA1", RateLimitCode.load(d.value()));
            model.status.set("SCRIPT LOAD → " + String.join(", ", d.value().stream().map(l -> l.limiter().title().toLowerCase(Locale.ROOT)
                    + " " + l.serverSha().substring(0, 12) + "…").toList()) + ". EVALSHA calls a script by this SHA.");
            if (d.value().stream().anyMatch(l -> !l.same())) model.problem.set("The server's SHA differs from the one Glide computed.");
            return d.value();
        }, fx);
    }

    /**
     * SCRIPT FLUSH (the app's own sandbox only: it empties the script cache of the whole server), then
     * one spell, with the server's script counters read before and after: the journal has one EVALSHA
     * row per script, the counters show the three commands each stood for.
     */
    CompletableFuture<String> flushDemo() {
        model.problem.set("");
        if (!gateway.status().sandbox()) {
            return tab.refused("SCRIPT FLUSH empties the script cache of the whole server, other applications' scripts too: this"
                    + " tab only sends it to the app's own sandbox server. (A spell still shows the fallback whenever a server"
                    + " has not seen the scripts, e.g. after a restart.)");
        }
        long seq = tab.nextSpell();
        Limiters.CastArgs a = tab.controls.args(1, tab.spellId(seq));
        if (a == null) return CompletableFuture.failedFuture(new IllegalArgumentException(model.problem.get()));
        model.busy.set(true);
        model.zoom.set(null);
        CompletableFuture<Boolean[]> known = limiters.flush().thenCompose(ok -> limiters.exists());
        return known.thenCompose(k -> limiters.stats().thenCompose(before -> tab.send(seq, a, false)
                        .thenCompose(c -> limiters.stats()).thenCompose(after -> limiters.exists().thenApply(k2 ->
                                note(k, after.minus(before), k2)))))
                .handleAsync((note, e) -> {
                    model.busy.set(false);
                    if (e != null) return tab.failed(e);
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

    void showLua(Limiter l) {
        code.show(l.file() + " (" + l.title().toLowerCase(Locale.ROOT) + ")", RateLimitCode.lua(l));
    }

    // ---------------------------------------------------------------- concurrency

    /** The stress test: the script way, then the wrong way, against the bucket's settings (cost 1). */
    CompletableFuture<StressTest.Result[]> runStress(int casts, int naiveCasts) {
        model.problem.set("");
        RateSettings s = tab.controls.checkedSettings();
        if (s == null) return CompletableFuture.failedFuture(new IllegalArgumentException(model.problem.get()));
        tab.stopStream();
        model.busy.set(true);
        model.stressScript.set(null);
        model.stressNaive.set(null);
        model.status.set(String.format(Locale.ROOT, "Stress test: %d workers × %,d casts on %d connections…", RateLimitTab.WORKERS, casts, RateLimitTab.CLIENTS));
        StressTest.Config atomic = new StressTest.Config(StressTest.Mode.SCRIPT, RateLimitTab.WORKERS, casts, RateLimitTab.CLIENTS, s.capacity(),
                s.refillPerSecond(), RateLimitTab.PIPELINE);
        StressTest.Config naive = new StressTest.Config(StressTest.Mode.READ_THEN_WRITE, RateLimitTab.WORKERS, naiveCasts, RateLimitTab.CLIENTS, s.capacity(),
                s.refillPerSecond(), 1);
        return stress.run(atomic).thenCompose(a -> {
            fx.execute(() -> model.stressScript.set(a));
            return stress.run(naive).thenApply(n -> new StressTest.Result[]{a, n});
        }).handleAsync((r, e) -> {
            model.busy.set(false);
            if (e != null) return tab.failed(e);
            model.stressScript.set(r[0]);
            model.stressNaive.set(r[1]);
            code.show("The stress test, both ways", RateLimitCode.stress(RateLimitTab.PIPELINE));
            model.status.set(String.format(Locale.ROOT, "Stress: the script admitted %,d of %,d (at most %,d allowed); read-then-write"
                            + " admitted %,d of %,d (at most %,d allowed).", r[0].allowed(), r[0].config().total(), r[0].maxAllowed(),
                    r[1].allowed(), r[1].config().total(), r[1].maxAllowed()));
            return r;
        }, fx);
    }
}
