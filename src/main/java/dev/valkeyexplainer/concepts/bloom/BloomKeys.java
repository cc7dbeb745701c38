package dev.valkeyexplainer.concepts.bloom;

import java.util.ArrayList;
import java.util.List;

/**
 * The keys of one glass-box filter: a hash that describes it ({@code vx:bloom:{name}}) and one bitmap
 * per sub-filter ({@code vx:bloom:{name}:0}, {@code :1}, …). The braces are a hash tag, so in a cluster
 * every key of a filter lives in one slot and the script can touch them all.
 *
 * @param meta    the description: mode, filters, and m:i, k:i, n:i, cap:i, err:i per sub-filter
 * @param bitmaps the bitmap of each possible sub-filter, at most {@link BloomInput#MAX_FILTERS}
 */
public record BloomKeys(String name, String meta, List<String> bitmaps, String set, String module) {

    public BloomKeys {
        bitmaps = List.copyOf(bitmaps);
    }

    /** The keys of filter {@code name} under {@code prefix} (the namespace, e.g. {@code vx:}). */
    public static BloomKeys of(String prefix, String name) {
        String meta = prefix + "bloom:{" + name + "}";
        List<String> bitmaps = new ArrayList<>();
        for (int i = 0; i < BloomInput.MAX_FILTERS; i++) bitmaps.add(meta + ":" + i);
        return new BloomKeys(name, meta, bitmaps, meta + ":set", meta + ":module");
    }

    /** The script's KEYS: the description, then every sub-filter's bitmap. */
    public List<String> scriptKeys() {
        List<String> k = new ArrayList<>();
        k.add(meta);
        k.addAll(bitmaps);
        return k;
    }

    public String bitmap(int index) {
        return bitmaps.get(index);
    }
}
