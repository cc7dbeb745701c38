package dev.valkeyexplainer.concepts.sessions;

import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyCall;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What a Hash costs, measured: a small Hash is a <em>listpack</em> (one compact block, fields and values
 * side by side, found by a linear scan); it becomes a <em>hashtable</em> (one allocation per field,
 * O(1) lookups) once it has more than {@code hash-max-listpack-entries} fields or one field or value
 * longer than {@code hash-max-listpack-value} bytes (Valkey's {@code t_hash.c}, {@code
 * hashTypeTryConversion} / {@code hashTypeConvert}), and never turns back. Both limits are read with
 * CONFIG GET and never changed.
 *
 * <p>Two dedicated keys, in one pipeline each: fields are added one by one ({@code HSET}, then
 * {@code MEMORY USAGE … SAMPLES 0} and {@code OBJECT ENCODING} after each), and in a session-sized Hash
 * one value grows byte by byte past the value limit. The keys are deleted at the end.
 */
final class MemoryExperiment {

    /** The fields experiment stops this many fields after the limit (or at {@link #MAX_FIELDS}). */
    static final int PAST_LIMIT = 24;
    static final int MAX_FIELDS = 2_048;
    static final int MAX_VALUE = 2_048;
    /** Used only when CONFIG GET is refused: Valkey's defaults, labelled as such. */
    static final long DEFAULT_ENTRIES = 512;
    static final long DEFAULT_VALUE = 64;

    private final ValkeyGateway.Scope scope;

    MemoryExperiment(ValkeyGateway.Scope scope) {
        this.scope = scope;
    }

    String fieldsKey() {
        return scope.key("session:{lab}:fields");
    }

    String valueKey() {
        return scope.key("session:{lab}:value");
    }

    /** CONFIG GET hash-max-listpack-* (read only). A server that refuses it (ACL, managed service) gives a problem instead. */
    static ValkeyCall<Object> configGet() {
        return dev.valkeyexplainer.valkey.Commands.read("CONFIG", "GET", "hash-max-listpack-*");
    }

    CompletableFuture<SessionsModel.Limits> limits() {
        return scope.send(configGet()).handle((r, e) -> {
            if (e != null) {
                return new SessionsModel.Limits(null, null, "CONFIG GET was refused (" + JournalFormat.errorMessage(e)
                        + "): the limits are unknown here, so the chart marks Valkey's defaults, 512 fields and 64 bytes.");
            }
            Long entries = null;
            Long value = null;
            if (r instanceof Map<?, ?> m) {
                entries = parse(m.get("hash-max-listpack-entries"));
                value = parse(m.get("hash-max-listpack-value"));
            } else if (r instanceof Object[] a) { // RESP2: a flat list
                for (int i = 0; i + 1 < a.length; i += 2) {
                    if ("hash-max-listpack-entries".equals(String.valueOf(a[i]))) entries = parse(a[i + 1]);
                    if ("hash-max-listpack-value".equals(String.valueOf(a[i]))) value = parse(a[i + 1]);
                }
            }
            return new SessionsModel.Limits(entries, value, entries == null || value == null
                    ? "CONFIG GET did not answer the listpack limits." : null);
        });
    }

    private static Long parse(Object o) {
        try {
            return o == null ? null : Long.parseLong(String.valueOf(o).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Runs both halves against the server: about {@code 3 × (entries + 24)} + {@code 3 × (value + 24)} pipelined commands. */
    CompletableFuture<SessionsModel.MemoryRun> run(PlayerSession session) {
        return limits().thenCompose(l -> {
            long entries = l.entries() != null ? l.entries() : DEFAULT_ENTRIES;
            long value = l.value() != null ? l.value() : DEFAULT_VALUE;
            int fields = (int) Math.min(MAX_FIELDS, entries + PAST_LIMIT);
            int length = (int) Math.min(MAX_VALUE, value + PAST_LIMIT);
            return byFields(fields).thenCombine(byValue(session, length), (f, v) -> new SessionsModel.MemoryRun(l, f, v));
        });
    }

    private CompletableFuture<List<SessionsModel.MemoryPoint>> byFields(int n) {
        String key = fieldsKey();
        List<List<String>> cmds = new ArrayList<>();
        cmds.add(List.of("DEL", key));
        for (int i = 1; i <= n; i++) {
            cmds.add(List.of("HSET", key, "field:" + i, "v" + i));
            measure(cmds, key);
        }
        cmds.add(List.of("UNLINK", key));
        return scope.worker("memory").batch(false, cmds, List.of(key),
                "for (int i = 1; i <= " + n + "; i++) batch.hset(key, Map.of(\"field:\" + i, \"v\" + i))\n"
                        + "    .customCommand(new String[]{\"MEMORY\", \"USAGE\", key, \"SAMPLES\", \"0\"}).objectEncoding(key);")
                .thenApply(r -> points(r, 1, 1));
    }

    private CompletableFuture<List<SessionsModel.MemoryPoint>> byValue(PlayerSession session, int n) {
        String key = valueKey();
        List<List<String>> cmds = new ArrayList<>();
        cmds.add(List.of("DEL", key));
        List<String> hset = new ArrayList<>(List.of("HSET", key));
        PlayerSession.hashFields(session.toJson()).forEach((f, v) -> {
            if (!f.equals("inventory")) { // the session's short fields; the serialised inventory alone may pass the limit
                hset.add(f);
                hset.add(v);
            }
        });
        cmds.add(hset);
        for (int len = 1; len <= n; len++) {
            cmds.add(List.of("HSET", key, "motto", "x".repeat(len)));
            measure(cmds, key);
        }
        cmds.add(List.of("UNLINK", key));
        return scope.worker("memory").batch(false, cmds, List.of(key),
                "for (int len = 1; len <= " + n + "; len++) batch.hset(key, Map.of(\"motto\", \"x\".repeat(len)))\n"
                        + "    .customCommand(new String[]{\"MEMORY\", \"USAGE\", key, \"SAMPLES\", \"0\"}).objectEncoding(key);")
                .thenApply(r -> points(r, 2, 1));
    }

    private static void measure(List<List<String>> cmds, String key) {
        cmds.add(List.of("MEMORY", "USAGE", key, "SAMPLES", "0"));
        cmds.add(List.of("OBJECT", "ENCODING", key));
    }

    /** Triples (HSET, MEMORY USAGE, OBJECT ENCODING) from {@code first}; x counts from {@code x0}. */
    private static List<SessionsModel.MemoryPoint> points(Object[] r, int first, int x0) {
        List<SessionsModel.MemoryPoint> out = new ArrayList<>();
        for (int i = first, x = x0; i + 2 < r.length; i += 3, x++) {
            for (int k = 0; k < 3; k++) {
                if (r[i + k] instanceof Throwable t) throw new java.util.concurrent.CompletionException(t);
            }
            out.add(new SessionsModel.MemoryPoint(x, SessionStore.number(r[i + 1]), String.valueOf(r[i + 2])));
        }
        return List.copyOf(out);
    }
}
