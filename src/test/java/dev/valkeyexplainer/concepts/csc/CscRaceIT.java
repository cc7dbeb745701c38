package dev.valkeyexplainer.concepts.csc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.valkey.TestValkey;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The race of REDIRECT tracking, provoked for real: many rounds of concurrent reads through the pool and
 * writes by another client on a few hot keys, so that invalidations (connection 0) overtake GET replies
 * (data connections). After each round every invalidation is known to be applied (a barrier), and then
 * the local cache must hold nothing older than the server: with the placeholder fix, never; a naive
 * cache (same rounds) is shown to go stale, which proves the rounds do hit the race.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CscRaceIT {

    private static final Logger LOG = LoggerFactory.getLogger(CscRaceIT.class);
    private static final int ROUNDS = 60;
    private static final int HOT_KEYS = 3;
    private static final int READERS = 6;
    private static final int READS_PER_READER = 12;
    private static final int WRITES = 8;

    private TestValkey valkey;

    @BeforeAll
    void server() throws Exception {
        valkey = new TestValkey();
    }

    @AfterAll
    void stop() {
        if (valkey != null) valkey.close();
    }

    /** Runs the rounds; returns how many (round, key) pairs were stale after the barrier. */
    private int rounds(CscHarness h, long seed, boolean checkReads) throws Exception {
        Random random = new Random(seed);
        List<String> hot = h.keys.players().subList(0, HOT_KEYS);
        int stale = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            List<CompletableFuture<?>> work = new ArrayList<>();
            CompletableFuture<?> writes = CompletableFuture.completedFuture(null);
            for (int w = 0; w < WRITES; w++) {
                String key = hot.get(random.nextInt(HOT_KEYS));
                String value = "r" + round + "w" + w;
                writes = writes.thenCompose(x -> h.client.writeElsewhere(key, value));
            }
            work.add(writes);
            for (int r = 0; r < READERS; r++) {
                CompletableFuture<?> reads = CompletableFuture.completedFuture(null);
                for (int i = 0; i < READS_PER_READER; i++) {
                    String key = hot.get(random.nextInt(HOT_KEYS));
                    reads = reads.thenCompose(x -> h.client.read(key));
                }
                work.add(reads);
            }
            CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            h.barrier(); // every invalidation of this round's writes has been applied
            for (String key : hot) {
                LocalCache.Cached local = h.client.cache.peek(key);
                String server = h.server(key);
                if (local != null && !java.util.Objects.equals(local.value(), server)) stale++;
                if (checkReads) assertEquals(server, h.read(key).value(), "round " + round + ": a read of " + key);
            }
        }
        return stale;
    }

    @Test
    void manyConcurrentRoundsNeverLeaveAValueOlderThanTheLastInvalidation() throws Exception {
        try (CscHarness h = new CscHarness(valkey, true)) {
            int stale = rounds(h, 11, true);
            LOG.info("with the fix: {} stale, {} fetch replies discarded, {} fetches cancelled", stale,
                    h.client.cache.discarded.get(), h.client.cache.cancelledFetches.get());
            assertEquals(0, stale, "stale local values after the barrier");
            assertTrue(h.client.cache.cancelledFetches.get() > 0, "the race happened (fetches were cancelled by"
                    + " invalidations) and was handled");
        }
    }

    @Test
    void theSameRoundsLeaveStaleValuesInANaiveCache() throws Exception {
        try (CscHarness h = new CscHarness(valkey, false)) {
            int stale = rounds(h, 11, false);
            LOG.info("naive: {} stale (round, key) pairs out of {}", stale, ROUNDS * HOT_KEYS);
            assertTrue(stale > 0, "the rounds never provoked the race: the fixed cache's test would prove nothing");
        }
    }
}
