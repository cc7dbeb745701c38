package dev.valkeyexplainer.concepts.hll;

import dev.valkeyexplainer.valkey.ValkeyCall;
import dev.valkeyexplainer.valkey.hll.HllDecoder;
import dev.valkeyexplainer.valkey.hll.HllHash;
import glide.api.models.GlideString;
import java.util.List;

/** Values a user could leave in the namespace that the concept must cope with. */
final class HllFixtures {

    private HllFixtures() {
    }

    /**
     * A dense HyperLogLog whose 16,384 registers all hold {@code value} (50 or more: the estimate passes
     * 2^63), with the header's cached count marked stale so PFCOUNT computes it.
     */
    static byte[] denseAll(int value) {
        byte[] raw = new byte[HllDecoder.HEADER + HllDecoder.DENSE_BYTES];
        raw[0] = 'H';
        raw[1] = 'Y';
        raw[2] = 'L';
        raw[3] = 'L';
        raw[4] = 0; // dense
        raw[15] = (byte) 0x80; // the cached cardinality is stale
        for (int i = 0; i < HllHash.REGISTERS; i++) {
            int bit = i * 6;
            int b = HllDecoder.HEADER + bit / 8;
            int shift = bit % 8;
            raw[b] |= (byte) ((value << shift) & 0xff);
            if (shift > 2) raw[b + 1] |= (byte) (value >> (8 - shift));
        }
        return raw;
    }

    /** SET key to raw bytes (the gateway's namespace guard applies). */
    static ValkeyCall<String> setBytes(String key, byte[] raw) {
        return new ValkeyCall<>(List.of("SET", key, "<" + raw.length + " bytes>"), List.of(key), "client.set(gs(key), gs(raw))",
                c -> c.glide().set(GlideString.of(key), GlideString.of(raw)));
    }
}
