package dev.valkeyexplainer.concepts.bloom;

import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.ConnectionStatus;
import dev.valkeyexplainer.valkey.ValkeyCall;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The same operations on the valkey-bloom module, side by side with the glass-box filter, when the
 * server has it (MODULE LIST names {@code bf} or {@code bloom}): BF.RESERVE, BF.ADD / BF.MADD,
 * BF.EXISTS / BF.MEXISTS and BF.INFO, sent with {@code customCommand} (Glide has no Bloom API). The
 * module keeps its bits to itself; BF.INFO shows its capacity, size, filters, items, error rate and
 * expansion. It does not report the number of hash functions: the tab computes it with the module's
 * own rule ({@link BloomMath#sized}) and labels it as computed.
 */
final class ModuleMirror {

    /** What the module panel shows: a note when there is no module, else the last answers and BF.INFO. */
    record View(boolean available, String note, List<String> answers, Map<String, String> info) {
        View {
            answers = List.copyOf(answers);
            info = info == null ? Map.of() : Map.copyOf(info);
        }
    }

    static final String NO_MODULE = "This server has no valkey-bloom module (MODULE LIST), so the filter here is the tab's own:"
            + " a Lua script over Valkey bitmaps. Connect to a server with it (e.g. valkey/valkey-bundle) and every"
            + " step also runs BF.RESERVE, BF.ADD, BF.MADD, BF.EXISTS, BF.MEXISTS and BF.INFO side by side.";

    private final ValkeyGateway.Scope scope;

    ModuleMirror(ValkeyGateway.Scope scope) {
        this.scope = scope;
    }

    static boolean available(ConnectionStatus s) {
        return s.hasModule("bf") || s.hasModule("bloom");
    }

    static ValkeyCall<Object> bf(List<String> written, String... args) {
        return written.isEmpty() ? Commands.read(args) : Commands.write(written, args);
    }

    /** BF.RESERVE key rate capacity [EXPANSION e | NONSCALING], after removing the old key. */
    CompletableFuture<Object> reserve(String key, double rate, long capacity, long expansion) {
        List<String> args = new ArrayList<>(List.of("BF.RESERVE", key, Double.toString(rate), Long.toString(capacity)));
        if (expansion > 0) args.addAll(List.of("EXPANSION", Long.toString(expansion)));
        else args.add("NONSCALING");
        return scope.send(Commands.del(key)).thenCompose(x -> scope.send(bf(List.of(key), args.toArray(String[]::new))));
    }

    /** BF.ADD for one item, BF.MADD for several: one 1/0 per item (1 = added). */
    CompletableFuture<List<Long>> add(String key, List<String> items) {
        List<String> args = new ArrayList<>(List.of(items.size() == 1 ? "BF.ADD" : "BF.MADD", key));
        args.addAll(items);
        return scope.send(bf(List.of(key), args.toArray(String[]::new))).thenApply(ModuleMirror::longs);
    }

    /** BF.EXISTS for one item, BF.MEXISTS for several: 1 = maybe there, 0 = definitely not. */
    CompletableFuture<List<Long>> exists(String key, List<String> items) {
        List<String> args = new ArrayList<>(List.of(items.size() == 1 ? "BF.EXISTS" : "BF.MEXISTS", key));
        args.addAll(items);
        return scope.send(bf(List.of(), args.toArray(String[]::new))).thenApply(ModuleMirror::longs);
    }

    /** BF.INFO key, as field → value, plus the computed number of hash functions of the newest sub-filter. */
    CompletableFuture<Map<String, String>> info(String key) {
        return scope.send(bf(List.of(), "BF.INFO", key)).thenApply(ModuleMirror::info);
    }

    static List<Long> longs(Object reply) {
        List<Long> out = new ArrayList<>();
        if (reply instanceof Object[] a) {
            for (Object o : a) out.add(o instanceof Long l ? l : o instanceof Boolean b ? (b ? 1L : 0L) : 0L);
        } else if (reply instanceof Long l) {
            out.add(l);
        } else if (reply instanceof Boolean b) {
            out.add(b ? 1L : 0L);
        }
        return out;
    }

    /** RESP2 answers an array of alternating names and values, RESP3 a map: both become field → value. */
    static Map<String, String> info(Object reply) {
        Map<String, String> out = new LinkedHashMap<>();
        if (reply instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        } else if (reply instanceof Object[] a) {
            for (int i = 0; i + 1 < a.length; i += 2) out.put(String.valueOf(a[i]), String.valueOf(a[i + 1]));
        }
        String rate = out.get("Error rate");
        String cap = out.get("Capacity");
        String filters = out.get("Number of filters");
        String tight = out.getOrDefault("Tightening ratio", "0.5");
        String exp = out.getOrDefault("Expansion rate", "2");
        try {
            if (rate != null && cap != null && filters != null) {
                int n = Integer.parseInt(filters);
                double p0 = Double.parseDouble(rate);
                long start = Long.parseLong(out.getOrDefault("Starting capacity", "0"));
                long newestCap = start > 0 ? BloomMath.subFilterCapacity(start, Math.max(1, Long.parseLong(exp)), n - 1) : Long.parseLong(cap);
                long[] mk = BloomMath.sized(newestCap, BloomMath.subFilterErrorRate(p0, Double.parseDouble(tight), n - 1));
                out.put("k of the newest sub-filter (computed, not reported)", Long.toString(mk[1]));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            out.put("k (computed)", "cannot compute from " + out);
        }
        return out;
    }

    static String answer(String op, String item, long glass, Long module) {
        return String.format(Locale.ROOT, "%s %s: glass box %d, valkey-bloom %s", op, item, glass,
                module == null ? "–" : module.toString());
    }
}
