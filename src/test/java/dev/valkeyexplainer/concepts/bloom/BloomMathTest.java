package dev.valkeyexplainer.concepts.bloom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** The formulas give the talk's and valkey-bloom's figures; the tolerance holds for a filter simulated in Java. */
class BloomMathTest {

    @Test
    void theTalksCapacityFigures() {
        assertEquals(9.585, BloomMath.bitsPerItem(0.01), 0.0005);
        assertEquals(14.378, BloomMath.bitsPerItem(0.001), 0.0005);
        long mib = 1024L * 1024;
        assertEquals("112 M items", SizingTable.millions(BloomMath.capacity(128 * mib, 0.01)));
        assertEquals("74 M items", SizingTable.millions(BloomMath.capacity(128 * mib, 0.001)));
        assertEquals("448 M items", SizingTable.millions(BloomMath.capacity(512 * mib, 0.01)));
        assertEquals("298 M items", SizingTable.millions(BloomMath.capacity(512 * mib, 0.001)));
    }

    @Test
    void valkeyBloomsSizingAndScaling() {
        long[] first = BloomMath.sized(100, 0.01);
        assertEquals(960, first[0], "120 whole bytes");
        assertEquals(7, first[1]);
        long[] second = BloomMath.sized(BloomMath.subFilterCapacity(100, 2, 1), BloomMath.subFilterErrorRate(0.01, 0.5, 1));
        assertEquals(2208, second[0]);
        assertEquals(8, second[1], "one more hash function");
        assertEquals(800, BloomMath.subFilterCapacity(100, 2, 3));
        assertEquals(0.00125, BloomMath.subFilterErrorRate(0.01, 0.5, 3), 1e-15);
    }

    @Test
    void theBestKMinimisesTheTheory() {
        assertEquals(6.64, BloomMath.optimalK(958_506, 100_000), 0.01);
        assertEquals(7, BloomMath.bestK(958_506, 100_000));
        assertEquals(0.01, BloomMath.falsePositiveRate(958_506, 100_000, 7), 0.0002);
    }

    /** The band at 5 sigma contains the count of a filter simulated with the same hashing, for 20 independent strangers' sets. */
    @Test
    void theToleranceContainsASimulatedFilter() {
        long m = 50_000;
        int k = 4;
        long n = 8_000;
        BitSet bits = new BitSet();
        for (int i = 0; i < n; i++) for (int p : BloomHash.hash("m" + i, m, k).positions()) bits.set(p);
        long probes = 20_000;
        double tol = BloomMath.tolerance(m, n, k, probes, 5);
        for (int round = 0; round < 20; round++) {
            long hits = 0;
            for (int i = 0; i < probes; i++) {
                boolean all = true;
                for (int p : BloomHash.hash("s" + round + ":" + i, m, k).positions()) all &= bits.get(p);
                if (all) hits++;
            }
            double expected = probes * BloomMath.falsePositiveRate(m, n, k);
            assertTrue(Math.abs(hits - expected) <= tol, hits + " vs " + expected + " ± " + tol);
        }
        assertTrue(tol < 0.3 * probes * BloomMath.falsePositiveRate(m, n, k), "the band is not uselessly wide");
    }

    @Test
    void inputIsReadAndChecked() {
        assertEquals(0.01, BloomInput.decimal("1%"), 1e-12);
        assertEquals(0.001, BloomInput.decimal(" 0.1 % "), 1e-12);
        assertEquals(958_506L, BloomInput.whole("958,506"));
        assertNull(BloomInput.whole("ten"));
        assertNotNull(BloomInput.itemProblem(""));
        assertNotNull(BloomInput.itemProblem("é".repeat(600)), "1,200 bytes");
        assertNull(BloomInput.itemProblem("Frank"));
        assertNotNull(BloomInput.bitsProblem(0));
        assertNotNull(BloomInput.bitsProblem(BloomInput.MAX_BITS + 1));
        assertNotNull(BloomInput.hashesProblem(0));
        assertNotNull(BloomInput.countProblem("N", BloomInput.MAX_ITEMS + 1));
        assertNotNull(BloomInput.scalingProblem(100, 0.01, 2, 1.0));
        assertNull(BloomInput.scalingProblem(100, 0.01, 2, 0.5));
        assertEquals("0.125 %", BloomInput.percent(0.00125));
    }
}
