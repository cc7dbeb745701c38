package dev.valkeyexplainer.concepts.csc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The local cache's rules, without a server: placeholders, invalidations, flushes, tracking going down. */
class LocalCacheTest {

    private static LocalCache open() {
        LocalCache c = new LocalCache(100, null, true);
        c.open();
        return c;
    }

    private static LocalCache.Pending miss(LocalCache c, String key) {
        return assertInstanceOf(LocalCache.Miss.class, c.lookup(key, true)).pending();
    }

    @Test
    void aMissLeavesAPlaceholderAndTheReplyReplacesIt() {
        LocalCache c = open();
        LocalCache.Pending p = miss(c, "k");
        assertTrue(c.rows(10).get(0).pending());
        assertTrue(c.complete(p, "v1", "conn-1", true));
        LocalCache.Hit hit = assertInstanceOf(LocalCache.Hit.class, c.lookup("k", true));
        assertEquals("v1", hit.entry().value());
        assertEquals("conn-1", hit.entry().via());
        assertEquals(1, c.localHits.get());
    }

    @Test
    void aSecondReaderJoinsTheFetchInProgress() {
        LocalCache c = open();
        LocalCache.Pending p = miss(c, "k");
        LocalCache.Join j = assertInstanceOf(LocalCache.Join.class, c.lookup("k", true));
        assertSame(p, j.pending());
        c.complete(p, "v", "conn-2", true);
        assertEquals("v", j.pending().value.join());
    }

    @Test
    void anInvalidationThatOvertakesTheReplyCancelsThePlaceholderSoTheReplyIsNotKept() {
        LocalCache c = open();
        LocalCache.Pending p = miss(c, "k");
        LocalCache.Dropped d = c.invalidate(List.of("k"));
        assertEquals(1, d.cancelledFetches());
        assertTrue(p.cancelled.isDone());
        assertFalse(c.complete(p, "old", "conn-1", true), "the reply came after the invalidation");
        assertNull(c.peek("k"));
        assertEquals(1, c.discarded.get());
    }

    @Test
    void aNaiveCacheStoresTheOvertakenReply() {
        LocalCache c = new LocalCache(100, null, false);
        c.open();
        LocalCache.Pending p = miss(c, "k");
        c.invalidate(List.of("k"));
        assertTrue(c.complete(p, "old", "conn-1", true));
        assertEquals("old", c.peek("k").value(), "stale: the invalidation is already spent");
    }

    @Test
    void aReplyFromAConnectionThatLostItsTrackingIsNotKept() {
        LocalCache c = open();
        LocalCache.Pending p = miss(c, "k");
        assertFalse(c.complete(p, "v", "conn-1", false));
        assertNull(c.peek("k"));
        assertInstanceOf(LocalCache.Miss.class, c.lookup("k", true), "no placeholder left behind");
    }

    @Test
    void closingForgetsEverythingAndKeepsNothingUntilOpenedAgain() {
        LocalCache c = open();
        c.complete(miss(c, "a"), "1", "conn-1", true);
        LocalCache.Pending inFlight = miss(c, "b");
        assertEquals(1, c.close("connection 0 was lost"));
        assertEquals(0, c.size());
        assertInstanceOf(LocalCache.Bypass.class, c.lookup("a", true));
        c.open();
        assertFalse(c.complete(inFlight, "2", "conn-2", true), "a fetch from before the loss is not kept after it");
        assertNull(c.peek("b"));
    }

    @Test
    void aFlushEmptiesTheCacheAndCancelsFetches() {
        LocalCache c = open();
        c.complete(miss(c, "a"), "1", "conn-1", true);
        LocalCache.Pending p = miss(c, "b");
        LocalCache.Dropped d = c.invalidateEverything();
        assertEquals(1, d.values());
        assertTrue(p.cancelled.isDone());
        assertEquals(0, c.size());
        assertEquals(1, c.flushes.get());
    }

    @Test
    void keysOutsideTheTrackedPrefixAreNeverCached() {
        LocalCache c = open();
        assertInstanceOf(LocalCache.Bypass.class, c.lookup("motd", false));
        assertEquals(0, c.fetches.get());
    }

    @Test
    void theBoundAndTtlComeFromCaffeine() {
        LocalCache c = open();
        c.configure(2, Duration.ofSeconds(30));
        for (String k : List.of("a", "b", "c", "d")) c.complete(miss(c, k), k, "conn-1", true);
        c.rows(10); // Caffeine evicts on its own schedule; the bound holds after maintenance
        assertTrue(c.size() <= 2 + 1, "size " + c.size());
        assertEquals(Duration.ofSeconds(30), c.ttl());
        c.configure(5, Duration.ZERO);
        assertNull(c.ttl(), "zero means no TTL");
        assertEquals(0, c.size(), "a reconfigured cache starts empty");
    }
}
