package dev.valkeyexplainer.concepts.bloom;

import static dev.valkeyexplainer.valkey.JournalFormat.javaString;

import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.ValkeyCall;
import glide.api.models.GlideString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The plain commands of the tab, each with the Glide Java call that sends it (the script's calls are
 * in {@link BloomScript}; the module's BF.* calls in {@link ModuleMirror}).
 */
final class BloomCommands {

    private BloomCommands() {
    }

    static ValkeyCall<Map<String, String>> hgetall(String key) {
        return new ValkeyCall<>(List.of("HGETALL", key), List.of(), "client.hgetall(" + javaString(key) + ")",
                c -> c.glide().hgetall(key));
    }

    static ValkeyCall<Long> bitcount(String key) {
        return new ValkeyCall<>(List.of("BITCOUNT", key), List.of(), "client.bitcount(" + javaString(key) + ")",
                c -> c.glide().bitcount(key));
    }

    static ValkeyCall<Long> getbit(String key, long offset) {
        return new ValkeyCall<>(List.of("GETBIT", key, Long.toString(offset)), List.of(),
                "client.getbit(" + javaString(key) + ", " + offset + "L)", c -> c.glide().getbit(key, offset));
    }

    /** The bitmap's bytes 0 … bytes−1, as bytes (a bitmap is not text). A shorter string comes back shorter. */
    static ValkeyCall<byte[]> getrange(String key, long bytes) {
        int end = (int) Math.max(0, bytes - 1);
        return new ValkeyCall<>(List.of("GETRANGE", key, "0", Integer.toString(end)), List.of(),
                "client.getrange(gs(" + javaString(key) + "), 0, " + end + ")",
                c -> c.glide().getrange(GlideString.of(key), 0, end).thenApply(g -> g == null ? new byte[0] : g.getBytes()));
    }

    /** {@code BITFIELD_RO key GET u1 p …}: several bits in one read. */
    static ValkeyCall<Object> bitsAt(String key, int[] positions) {
        List<String> args = new ArrayList<>(List.of("BITFIELD_RO", key));
        for (int p : positions) args.addAll(List.of("GET", "u1", Integer.toString(p)));
        return Commands.read(args.toArray(String[]::new));
    }

    static ValkeyCall<Long> sadd(String key, List<String> members) {
        return Commands.sadd(key, members.toArray(String[]::new));
    }

    static ValkeyCall<Long> del(List<String> keys) {
        return Commands.del(keys.toArray(String[]::new));
    }

    /** {@code MEMORY USAGE key SAMPLES 0}: every element counted (a Set's size is not estimated from a sample). */
    static ValkeyCall<Object> memory(String key) {
        return Commands.memoryUsage(key);
    }

    static String[] array(List<String> l) {
        return l.toArray(String[]::new);
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> r = new ArrayList<>(a);
        r.addAll(b);
        return r;
    }

    static List<String> listOf(String... s) {
        return Arrays.asList(s);
    }
}
