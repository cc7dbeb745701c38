package dev.valkeyexplainer.concepts.bloom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.valkey.TestValkey;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Lua script against a real valkey-server: its MurmurHash3 and double hashing give the positions
 * Java computes with Apache Commons Codec, for thousands of random items (ASCII, accented, CJK, emoji,
 * across the 16-byte block boundaries), and the bits on the server are exactly those positions.
 */
class BloomScriptIT {

    private static TestValkey valkey;
    private static BloomStore store;

    @BeforeAll
    static void start() throws Exception {
        valkey = new TestValkey();
        store = new BloomStore(valkey.gateway.scope("bloom", "test"));
    }

    @AfterAll
    static void stop() {
        valkey.close();
    }

    static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(60, TimeUnit.SECONDS);
    }

    static BloomKeys keys(String name) {
        return BloomKeys.of(valkey.gateway.namespace().prefix(), name);
    }

    /** Random items of 1 … 70 code points from several scripts, so byte lengths cross every tail length. */
    static List<String> randomItems(Random r, int count) {
        int[][] ranges = {{0x20, 0x7e}, {0xa0, 0x24f}, {0x391, 0x3c9}, {0x4e00, 0x9fff}, {0x1f300, 0x1f64f}, {0xac00, 0xd7a3}};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int len = 1 + r.nextInt(i % 3 == 0 ? 70 : 20);
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < len; c++) {
                int[] range = ranges[r.nextInt(ranges.length)];
                sb.appendCodePoint(range[0] + r.nextInt(range[1] - range[0] + 1));
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void theServerComputesTheSamePositionsAsJavaAndSetsExactlyThoseBits() throws Exception {
        Random r = new Random(20240615);
        long[][] shapes = {{10, 2}, {1_000, 5}, {999_983, 7}, {1L << 20, 32}};
        for (long[] shape : shapes) {
            BloomKeys k = keys("it-hash-" + shape[0]);
            get(store.reserveFixed(k, shape[0], (int) shape[1]));
            List<String> items = randomItems(r, 2_500);
            BitSet expected = new BitSet();
            for (int from = 0; from < items.size(); from += 250) {
                List<String> chunk = items.subList(from, Math.min(items.size(), from + 250));
                List<BloomScript.Added> added = get(store.add(k, chunk)).value();
                for (BloomScript.Added a : added) {
                    int[] java = BloomHash.hash(a.item(), shape[0], (int) shape[1]).positions();
                    assertArrayEquals(java, a.positions(), "positions of '" + a.item() + "' in m = " + shape[0]);
                    for (int p : java) expected.set(p);
                }
            }
            BloomState.Filter f = get(store.read(k, true));
            BloomState.SubFilter sf = f.filters().get(0);
            assertEquals(expected.cardinality(), sf.setBits(), "BITCOUNT");
            for (int i = 0; i < shape[0]; i++) {
                assertEquals(expected.get(i) ? 1 : 0, sf.bit(i), "bit " + i + " of m = " + shape[0]);
            }
            List<BloomScript.Tested> tested = get(store.test(k, items.subList(0, 100))).value();
            for (BloomScript.Tested t : tested) {
                assertTrue(t.maybe(), "an added item is always 'maybe there'");
                assertArrayEquals(BloomHash.hash(t.item(), shape[0], (int) shape[1]).positions(), t.probes().get(0).positions());
            }
        }
    }

    @Test
    void knownVectorsOfMurmurHash3() {
        // mmh3 / SMHasher: "hello" with seed 0 gives these two halves
        long[] h = BloomHash.murmur128("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(0xcbd8a7b341bd9b02L, h[0]);
        assertEquals(0x5b1e906a48ae1d19L, h[1]);
        long[] empty = BloomHash.murmur128(new byte[0]);
        assertEquals(0, empty[0]);
        assertEquals(0, empty[1]);
    }

    @Test
    void addReturnsThePreviousBitsAndAnItemWhoseBitsAreAllSetIsNotAddedAgain() throws Exception {
        BloomKeys k = keys("it-prev");
        get(store.reserveFixed(k, 10, 2));
        BloomScript.Added bob = get(store.add(k, List.of("Bob"))).value().get(0);
        assertTrue(bob.added());
        assertArrayEquals(new int[]{0, 0}, bob.before());
        BloomScript.Added again = get(store.add(k, List.of("Bob"))).value().get(0);
        assertFalse(again.added(), "BF.ADD answers 0 for an item that is (maybe) there");
        assertArrayEquals(new int[]{1, 1}, again.before());
        assertEquals(1, get(store.read(k, true)).items(), "the count went up once");
    }
}
