package dev.valkeyexplainer.valkey.hll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HllHashTest {

    @Test
    void indexIsTheLow14BitsAndValueTheRunOfZerosAboveThemPlusOne() {
        for (String name : new String[]{"alice", "bob", "", "user:123456"}) {
            HllHash h = HllHash.of(name);
            assertEquals(h.hash() & 0x3fff, h.index());
            String bits = h.bits();
            assertEquals(64, bits.length());
            assertEquals(Integer.parseInt(bits.substring(50), 2), h.index(), "the last 14 bits drawn are the index");
            String above = bits.substring(0, 50);
            int zeros = above.length() - 1 - above.lastIndexOf('1');
            if (above.indexOf('1') < 0) zeros = 50;
            assertEquals(zeros + 1, h.value());
            assertTrue(h.value() >= 1 && h.value() <= 51);
        }
    }

    @Test
    void anEmptySketchCountsZeroAndOneRegisterCountsOne() {
        int[] regs = new int[HllHash.REGISTERS];
        assertEquals(0, HllEstimator.count(regs));
        regs[5] = 1;
        assertEquals(1, HllEstimator.count(regs));
        assertEquals(0.008125, HllEstimator.STANDARD_ERROR, 1e-9);
    }
}
