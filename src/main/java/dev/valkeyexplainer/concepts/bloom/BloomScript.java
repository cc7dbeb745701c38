package dev.valkeyexplainer.concepts.bloom;

import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.ValkeyCall;
import glide.api.models.Script;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The glass-box filter's Lua script ({@code bloom.lua}, beside this class) and its replies. One script
 * runs each operation atomically on the server: it hashes the items itself (MurmurHash3 x64_128 in Lua
 * 5.1), reads or sets their bits with one BITFIELD each, scales like valkey-bloom, and answers the bits
 * as they were before, so the tab can tell which bits just flipped.
 */
final class BloomScript {

    static final String LUA = load();
    static final Script SCRIPT = new Script(LUA, false);

    /** One item added: {@code added} false when all its bits were already set ("maybe there", nothing changed). */
    record Added(String item, boolean added, int filter, int[] positions, int[] before) {
    }

    /** The bits one test read in one sub-filter. */
    record Probe(int filter, int[] positions, int[] bits) {
        boolean allSet() {
            for (int b : bits) if (b == 0) return false;
            return true;
        }
    }

    /** One item tested: {@code maybe} when all bits are set in some sub-filter. */
    record Tested(String item, boolean maybe, List<Probe> probes) {
    }

    /** A bulk add: items newly added, items that were "maybe there" already, sub-filters now. */
    record Bulk(long added, long present, int filters) {
    }

    private BloomScript() {
    }

    private static String load() {
        try (InputStream in = BloomScript.class.getResourceAsStream("bloom.lua")) {
            if (in == null) throw new IllegalStateException("bloom.lua is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ValkeyCall<Object> call(BloomKeys keys, List<String> args, boolean writes) {
        List<String> k = keys.scriptKeys();
        return Commands.script(SCRIPT, "bloomScript", k, args, writes ? k : List.of());
    }

    static ValkeyCall<Object> reserveFixed(BloomKeys keys, long m, int k) {
        return call(keys, List.of("reserve", "fixed", Long.toString(m), Integer.toString(k)), true);
    }

    static ValkeyCall<Object> reserveScaling(BloomKeys keys, long capacity, double p, long expansion, double tightening) {
        return call(keys, List.of("reserve", "scaling", Long.toString(capacity), Double.toString(p), Long.toString(expansion),
                Double.toString(tightening)), true);
    }

    static ValkeyCall<Object> add(BloomKeys keys, List<String> items) {
        return call(keys, BloomCommands.concat(List.of("add"), items), true);
    }

    static ValkeyCall<Object> test(BloomKeys keys, List<String> items) {
        return call(keys, BloomCommands.concat(List.of("test"), items), false);
    }

    /** The arguments of a bulk call for a pipeline: {@code EVALSHA sha numkeys keys… op items…}. */
    static List<String> bulk(BloomKeys keys, String op, List<String> items) {
        List<String> k = keys.scriptKeys();
        List<String> a = new ArrayList<>(List.of("EVALSHA", SCRIPT.getHash(), Integer.toString(k.size())));
        a.addAll(k);
        a.add(op);
        a.addAll(items);
        return a;
    }

    /** SCRIPT LOAD, before a pipeline of EVALSHA (a pipeline cannot fall back to loading the script). */
    static ValkeyCall<Object> load(List<String> keys) {
        return new ValkeyCall<>(List.of("SCRIPT", "LOAD", "<bloom.lua, " + LUA.length() + " characters>"), List.of(),
                "client.scriptLoad(bloomLua) // SCRIPT LOAD", c -> c.custom(new String[]{"SCRIPT", "LOAD", LUA}));
    }

    // ------------------------------------------------------------------ replies

    static long[] reserved(Object reply) {
        Object[] r = (Object[]) reply;
        return new long[]{(Long) r[0], (Long) r[1]};
    }

    static List<Added> added(List<String> items, Object reply) {
        Object[] r = (Object[]) reply;
        List<Added> out = new ArrayList<>();
        for (int i = 0; i < r.length; i++) {
            Object[] one = (Object[]) r[i];
            out.add(new Added(items.get(i), (Long) one[0] == 1, ((Long) one[1]).intValue(), ints(one[2]), ints(one[3])));
        }
        return out;
    }

    static List<Tested> tested(List<String> items, Object reply) {
        Object[] r = (Object[]) reply;
        List<Tested> out = new ArrayList<>();
        for (int i = 0; i < r.length; i++) {
            Object[] one = (Object[]) r[i];
            Object[] per = (Object[]) one[1];
            List<Probe> probes = new ArrayList<>();
            for (int f = 0; f < per.length; f++) {
                Object[] pb = (Object[]) per[f];
                probes.add(new Probe(f, ints(pb[0]), ints(pb[1])));
            }
            out.add(new Tested(items.get(i), (Long) one[0] == 1, probes));
        }
        return out;
    }

    static Bulk bulk(Object reply) {
        Object[] r = (Object[]) reply;
        return new Bulk((Long) r[0], (Long) r[1], ((Long) r[2]).intValue());
    }

    static int[] ints(Object array) {
        Object[] a = array instanceof Object[] o ? o : new Object[0];
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) out[i] = ((Long) a[i]).intValue();
        return out;
    }
}
