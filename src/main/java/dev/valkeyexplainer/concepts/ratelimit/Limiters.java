package dev.valkeyexplainer.concepts.ratelimit;

import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.InfoParser;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyCall;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What the tab does on the server for Bob, each through the gateway (journaled, namespace-guarded):
 * a spell sent to the three limiters' scripts, a reading of their state in one MULTI/EXEC, SCRIPT
 * LOAD / EXISTS / FLUSH, and the server's script counters (INFO commandstats). Bob's three keys share
 * the hash tag {@code {bob}}, so in a cluster they live on one node and one MULTI can read them all.
 */
final class Limiters {

    /** A result and the calls that produced it, in order (for the code panel). */
    record Done<T>(T value, List<ValkeyCall<?>> calls) {
    }

    /** One SCRIPT LOAD: the SHA the server answered and the one Glide computed. */
    record Loaded(Limiter limiter, String serverSha, String glideSha) {
        boolean same() {
            return serverSha.equalsIgnoreCase(glideSha);
        }
    }

    /**
     * The server's counters for scripts, from INFO commandstats (server-wide, since its start or the
     * last CONFIG RESETSTAT): EVALSHA calls, those that failed (NOSCRIPT counts here), SCRIPT LOAD calls.
     */
    record ScriptStats(long evalsha, long evalshaFailed, long scriptLoad) {
        ScriptStats minus(ScriptStats before) {
            return new ScriptStats(evalsha - before.evalsha, evalshaFailed - before.evalshaFailed, scriptLoad - before.scriptLoad);
        }

        static ScriptStats parse(String info) {
            Map<String, String> f = InfoParser.fields(info);
            long[] e = stat(f.get("cmdstat_evalsha"));
            long[] l = stat(f.get("cmdstat_script|load"));
            return new ScriptStats(e[0], e[1], l[0]);
        }

        /** {@code calls=3,usec=…,failed_calls=1}: {calls, failed_calls}. */
        private static long[] stat(String line) {
            long calls = 0;
            long failed = 0;
            if (line != null) {
                for (String part : line.split(",")) {
                    String[] kv = part.split("=", 2);
                    if (kv.length != 2) continue;
                    if (kv[0].equals("calls")) calls = Long.parseLong(kv[1]);
                    if (kv[0].equals("failed_calls")) failed = Long.parseLong(kv[1]);
                }
            }
            return new long[]{calls, failed};
        }
    }

    /** The ARGV of each script for one spell (the app never passes "now"; tests may). */
    record CastArgs(long cost, List<String> fixed, List<String> bucket, List<String> log) {
        static CastArgs of(RateSettings s, long cost, String spellId) {
            return new CastArgs(cost, s.fixedArgs(), s.bucketArgs(cost), s.logArgs(spellId));
        }

        /** As typed, unchecked: the scripts check them and answer with an error when they are bad. */
        static CastArgs raw(String limit, String window, String capacity, String rate, long cost, String spellId) {
            return new CastArgs(cost, List.of(limit, window), List.of(capacity, rate, Long.toString(cost)),
                    List.of(limit, window, spellId));
        }

        /** The same spell at a time the caller chooses (ms): tests drive the clock this way. */
        CastArgs at(long nowMs) {
            return new CastArgs(cost, plus(fixed, nowMs), plus(bucket, nowMs), plus(log, nowMs));
        }

        private static List<String> plus(List<String> l, long now) {
            List<String> out = new ArrayList<>(l);
            out.add(Long.toString(now));
            return out;
        }
    }

    final String fixedKey;
    final String bucketKey;
    final String logKey;
    private final ValkeyGateway.Scope scope;

    Limiters(ValkeyGateway.Scope scope, String who) {
        this.scope = scope;
        this.fixedKey = scope.key("ratelimit:{" + who + "}:fixed");
        this.bucketKey = scope.key("ratelimit:{" + who + "}:bucket");
        this.logKey = scope.key("ratelimit:{" + who + "}:log");
        for (Limiter l : Limiter.values()) l.script(); // hashed now, not in the middle of a timed burst
    }

    String key(Limiter l) {
        return switch (l) {
            case FIXED -> fixedKey;
            case BUCKET -> bucketKey;
            case LOG -> logKey;
        };
    }

    /** EVALSHA of one limiter's script through Glide's invokeScript (NOSCRIPT → SCRIPT LOAD → EVALSHA inside). */
    ValkeyCall<Object> call(Limiter l, List<String> args) {
        String key = key(l);
        return Commands.script(l.script(), l.javaName(), List.of(key), args, List.of(key));
    }

    /** The three EVALSHA calls of one spell, made in advance (a timed burst then only sends them). */
    List<ValkeyCall<Object>> calls(CastArgs a) {
        return List.of(call(Limiter.FIXED, a.fixed()), call(Limiter.BUCKET, a.bucket()), call(Limiter.LOG, a.log()));
    }

    /**
     * One spell into the three limiters at once (three scripts, sent together). Completes with every
     * verdict; a script that failed leaves its verdict null and its server message in the cast.
     */
    CompletableFuture<Done<Verdicts.Cast>> cast(long seq, CastArgs a) {
        return send(seq, a.cost(), calls(a));
    }

    /** Sends the calls of {@link #calls} for spell {@code seq}. */
    CompletableFuture<Done<Verdicts.Cast>> send(long seq, long cost, List<ValkeyCall<Object>> calls) {
        List<CompletableFuture<Object>> sent = new ArrayList<>();
        for (ValkeyCall<Object> call : calls) sent.add(scope.send(call).handle((r, e) -> e != null ? e : r));
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).thenApply(v -> {
            StringBuilder errors = new StringBuilder();
            Verdicts.Fixed f = verdict(sent.get(0).join(), Limiter.FIXED, Verdicts.Fixed::of, errors);
            Verdicts.Bucket b = verdict(sent.get(1).join(), Limiter.BUCKET, Verdicts.Bucket::of, errors);
            Verdicts.Log l = verdict(sent.get(2).join(), Limiter.LOG, Verdicts.Log::of, errors);
            return new Done<>(new Verdicts.Cast(seq, cost, f, b, l, errors.toString()), List.copyOf(calls));
        });
    }

    private static <T> T verdict(Object reply, Limiter l, java.util.function.Function<Object, T> parse, StringBuilder errors) {
        try {
            if (reply instanceof Throwable t) throw new IllegalStateException(JournalFormat.errorMessage(t), t);
            return parse.apply(reply);
        } catch (RuntimeException e) {
            if (!errors.isEmpty()) errors.append('\n');
            errors.append(l.title()).append(": ").append(serverMessage(JournalFormat.errorMessage(e)));
            return null;
        }
    }

    /** Marks a script's error reply (Glide wraps it: "Script execution failed … ResponseError: &lt;reply&gt;"). */
    static final String REFUSED = "the script refused: ";

    /** The server's own words in a Glide error, marked when they are a script's error reply. */
    static String serverMessage(String glide) {
        int at = glide.lastIndexOf("ResponseError: ");
        if (at >= 0) return REFUSED + glide.substring(at + "ResponseError: ".length()).strip();
        return glide;
    }

    /** Bob's three keys in one MULTI/EXEC (a consistent reading, with the server's TIME). */
    CompletableFuture<LiveState> read() {
        List<List<String>> cmds = LiveState.commands(bucketKey, fixedKey, logKey);
        return scope.worker("gauge").batch(true, cmds, List.of(), """
                        Batch tx = new Batch(true) // MULTI … EXEC: one consistent reading
                            .hmget(bucket, new String[]{"tokens", "last_update"}).pttl(bucket)
                            .hmget(counter, new String[]{"count", "window"}).pttl(counter)
                            .customCommand(new String[]{"ZRANGE", log, "-100", "-1", "WITHSCORES"})
                            .zcard(log).pttl(log).time();
                        Object[] r = client.exec(tx, false).get();""")
                .thenApply(r -> {
                    if (r == null) throw new IllegalStateException("the reading's MULTI/EXEC was aborted");
                    return LiveState.parse(r, System.nanoTime());
                });
    }

    /** SCRIPT LOAD of one script: the server answers the SHA1 of the text. */
    static ValkeyCall<Object> scriptLoad(Limiter l) {
        String[] args = {"SCRIPT", "LOAD", l.source()};
        return new ValkeyCall<>(List.of(args), List.of(), "client.customCommand(new String[]{\"SCRIPT\", \"LOAD\", "
                + l.constantName() + "})", c -> c.custom(args));
    }

    /** SCRIPT LOAD of the three scripts; each SHA next to the one Glide computed. */
    CompletableFuture<Done<List<Loaded>>> loadAll() {
        List<ValkeyCall<?>> calls = new ArrayList<>();
        List<CompletableFuture<Loaded>> loads = new ArrayList<>();
        for (Limiter l : Limiter.values()) {
            ValkeyCall<Object> c = scriptLoad(l);
            calls.add(c);
            loads.add(scope.send(c).thenApply(sha -> new Loaded(l, LiveState.text(sha), l.sha())));
        }
        return CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new))
                .thenApply(v -> new Done<>(loads.stream().map(CompletableFuture::join).toList(), calls));
    }

    /** SCRIPT EXISTS for the three SHAs: which scripts the server has in its cache now. */
    static ValkeyCall<Boolean[]> scriptExists() {
        String[] shas = Arrays.stream(Limiter.values()).map(Limiter::sha).toArray(String[]::new);
        List<String> args = new ArrayList<>(List.of("SCRIPT", "EXISTS"));
        args.addAll(List.of(shas));
        return new ValkeyCall<>(args, List.of(), "client.scriptExists(new String[]{fixedWindow.getHash(), tokenBucket.getHash(),"
                + " slidingLog.getHash()})", c -> c.glide().scriptExists(shas));
    }

    CompletableFuture<Boolean[]> exists() {
        return scope.send(scriptExists());
    }

    /**
     * SCRIPT FLUSH: the server forgets every cached script (everyone's). Only on the app's own sandbox
     * server; the caller checks that.
     */
    static ValkeyCall<String> scriptFlush() {
        return new ValkeyCall<>(List.of("SCRIPT", "FLUSH"), List.of(), "client.scriptFlush()", c -> c.glide().scriptFlush());
    }

    CompletableFuture<String> flush() {
        return scope.send(scriptFlush());
    }

    /** INFO commandstats, reduced to the script counters. */
    CompletableFuture<ScriptStats> stats() {
        return scope.send(Commands.read("INFO", "commandstats")).thenApply(i -> ScriptStats.parse(String.valueOf(i)));
    }

    /** DEL of Bob's three keys: fresh limiters (a new bucket starts full). */
    CompletableFuture<Long> reset() {
        return scope.send(Commands.del(fixedKey, bucketKey, logKey));
    }
}
