package dev.valkeyexplainer.concepts.csc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.TestValkey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The caching client against a real server: the pool, both tracking modes, NOLOOP, OPTIN, FLUSHALL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CachingClientIT {

    private TestValkey valkey;
    private CscHarness h;

    @BeforeAll
    void server() throws Exception {
        valkey = new TestValkey();
    }

    @AfterAll
    void stop() {
        if (valkey != null) valkey.close();
    }

    @BeforeEach
    void client() throws Exception {
        h = new CscHarness(valkey, true);
    }

    @AfterEach
    void closeClient() {
        if (h != null) h.close();
    }

    @Test
    void tenConnectionsConnectionZeroListensAndNineDataConnectionsRedirectToIt() throws Exception {
        long id0 = h.client.conn0Id();
        assertTrue(id0 > 0);
        List<DataPool.Slot> slots = h.client.slots();
        assertEquals(9, slots.size());
        StringBuilder ids = new StringBuilder();
        for (DataPool.Slot s : slots) ids.append(' ').append(s.clientId);
        String list = String.valueOf(valkey.send(Commands.read(("CLIENT LIST ID " + id0 + ids).split(" "))));
        var rows = ClientList.parse(list);
        assertEquals(10, rows.size(), list);
        assertTrue(rows.get(id0).subscriptions() == 1 && rows.get(id0).resp() == 2, list);
        for (DataPool.Slot s : slots) {
            ClientList.Row r = rows.get(s.clientId);
            assertEquals("vx-" + s.name, r.name());
            assertTrue(r.flags().contains("t"), r.toString());
            assertEquals(id0, r.redirect(), r.toString());
        }
    }

    @Test
    void aSecondReadIsALocalHitWithNoCommandSent() throws Exception {
        String key = h.keys.player(1);
        CachingClient.ReadResult first = h.read(key);
        assertEquals(CachingClient.Source.REMOTE, first.source());
        assertTrue(first.stored(), first.note());
        int journalRows = valkey.journal.size();
        CachingClient.ReadResult second = h.read(key);
        assertEquals(CachingClient.Source.LOCAL, second.source());
        assertEquals(first.value(), second.value());
        assertEquals(journalRows, valkey.journal.size(), "a local hit sends nothing");
        assertTrue(second.nanos() < first.nanos(), second.nanos() + " ns local vs " + first.nanos() + " ns remote");
    }

    @ParameterizedTest(name = "bcast={0}")
    @ValueSource(booleans = {false, true})
    void aWriteByAnotherClientDropsTheLocalEntryWithinASecondAndTheNextReadGetsTheNewValue(boolean bcast) throws Exception {
        h.client.setMode(h.client.mode().withBcast(bcast)).get(10, TimeUnit.SECONDS);
        String key = h.keys.player(2);
        h.read(key);
        assertTrue(h.client.cache.peek(key) != null);
        long t0 = System.nanoTime();
        h.client.writeElsewhere(key, "gold=777").get(5, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(1)).until(() -> h.client.cache.peek(key) == null);
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L);
        CachingClient.ReadResult again = h.read(key);
        assertEquals(CachingClient.Source.REMOTE, again.source());
        assertEquals("gold=777", again.value());
    }

    @Test
    void bcastTracksThePrefixOnlySoKeysOutsideItAreNeverCachedAndSendNothing() throws Exception {
        h.client.setMode(h.client.mode().withBcast(true)).get(10, TimeUnit.SECONDS);
        CachingClient.ReadResult motd = h.read(h.keys.motd());
        assertEquals(CachingClient.Source.BYPASS, motd.source());
        assertFalse(motd.stored());
        int before = h.messages().size();
        h.client.writeElsewhere(h.keys.motd(), "changed").get(5, TimeUnit.SECONDS);
        h.client.writeElsewhere(h.keys.player(3), "gold=3").get(5, TimeUnit.SECONDS); // never read: BCAST sends it anyway
        h.barrier();
        List<List<String>> after = h.messages().subList(before, h.messages().size());
        assertTrue(after.stream().noneMatch(k -> k.contains(h.keys.motd())), "nothing for a key outside the prefix: " + after);
        assertTrue(after.stream().anyMatch(k -> k.contains(h.keys.player(3))), "the prefix key, read or not: " + after);
        String info = String.valueOf(valkey.send(Commands.read("INFO", "stats")));
        assertTrue(info.contains("tracking_total_prefixes:1"), info);
    }

    @ParameterizedTest(name = "noloop={0}")
    @ValueSource(booleans = {false, true})
    void noloopKeepsAConnectionsOwnWritesFromComingBack(boolean noloop) throws Exception {
        h.client.setMode(h.client.mode().withBcast(false).withNoloop(noloop)).get(10, TimeUnit.SECONDS);
        String key = h.keys.player(4);
        h.read(key); // tracked on the connection that fetched it; the own write goes on that same connection
        int before = h.messages().size();
        h.client.writeOwn(key, "gold=4" + noloop).get(5, TimeUnit.SECONDS);
        h.barrier();
        boolean cameBack = h.messages().subList(before, h.messages().size()).stream().anyMatch(k -> k.contains(key));
        assertEquals(!noloop, cameBack, "own write came back as an invalidation");
        assertNull(h.client.cache.peek(key), "the app forgets its own copy after its own write either way");
        assertEquals("gold=4" + noloop, h.read(key).value());
    }

    @Test
    void optinTracksOnlyTheReadsThatAskForIt() throws Exception {
        h.client.setMode(h.client.mode().withBcast(false).withOptin(true)).get(10, TimeUnit.SECONDS);
        String key = h.keys.player(5);
        assertTrue(h.read(key).stored());
        h.client.writeElsewhere(key, "gold=55").get(5, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(1)).until(() -> h.client.cache.peek(key) == null);
        boolean optinRow = valkey.journal.snapshot().stream().anyMatch(e -> e.commandText().contains("CLIENT CACHING YES"));
        assertTrue(optinRow, "the fetch asked with CLIENT CACHING YES");
    }

    @Test
    void flushallSendsANullInvalidationAndEmptiesTheLocalCache() throws Exception {
        for (int i = 1; i <= 6; i++) h.read(h.keys.player(i));
        assertEquals(6, h.client.cache.size());
        assertTrue(h.client.flushAllowed(), "the test server is the test's own sandbox");
        h.client.flushAll().get(5, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(1)).until(() -> h.messages().stream().anyMatch(k -> k == null));
        assertEquals(0, h.client.cache.size());
        assertNull(h.read(h.keys.player(1)).value(), "after FLUSHALL the server has nothing, and neither do we");
        h.client.seed().get(5, TimeUnit.SECONDS);
    }

    @Test
    void aDataConnectionReMadeBehindOurBackIsCaughtByItsClientIdAndTrackedAgain() throws Exception {
        DataPool.Slot victim = h.client.slots().get(2);
        long oldId = victim.clientId;
        valkey.send(Commands.read("CLIENT", "KILL", "ID", Long.toString(oldId))); // Glide reconnects it: new id, no tracking
        CachingClient.ReadResult onVictim = null;
        for (int i = 1; i <= 2 * DataPool.SIZE && onVictim == null; i++) {
            String key = h.keys.player(1 + i % 12);
            h.client.cache.forget(key);
            CachingClient.ReadResult r = h.read(key);
            if (r.via().equals(victim.name)) onVictim = r;
        }
        assertTrue(onVictim != null, "round-robin reached " + victim.name);
        assertFalse(onVictim.stored(), "a value read on an untracked connection is not kept");
        assertTrue(onVictim.note().contains("re-made"), onVictim.note());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> victim.clientId != oldId && h.client.ready().isDone());
        String row = String.valueOf(valkey.send(Commands.read("CLIENT", "LIST", "ID", Long.toString(victim.clientId))));
        assertTrue(ClientList.parse(row).get(victim.clientId).tracking(), row);
    }

    @Test
    void aHeldReplyThatAnInvalidationOvertookIsNotKept() throws Exception {
        String key = h.keys.player(6);
        String before = h.server(key);
        h.client.holdReplies(true);
        var reading = h.client.read(key);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> h.client.heldCount() == 1);
        h.client.writeElsewhere(key, "gold=606").get(5, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> h.client.cache.cancelledFetches.get() > 0);
        h.client.holdReplies(false);
        CachingClient.ReadResult r = reading.get(5, TimeUnit.SECONDS);
        assertEquals(before, r.value(), "the GET ran before the write: its reply carries the old value");
        assertFalse(r.stored(), "…which is not kept: " + r.note());
        assertNull(h.client.cache.peek(key));
        assertEquals("gold=606", h.read(key).value());
    }

    @Test
    void aNaiveCacheKeepsTheOvertakenReplyForever() throws Exception {
        try (CscHarness naive = new CscHarness(valkey, false)) {
            String key = naive.keys.player(7);
            naive.client.holdReplies(true);
            var reading = naive.client.read(key);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> naive.client.heldCount() == 1);
            naive.client.writeElsewhere(key, "gold=707").get(5, TimeUnit.SECONDS);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> naive.messages().stream()
                    .anyMatch(k -> k != null && k.contains(key))); // the invalidation overtook the held reply
            naive.client.holdReplies(false);
            reading.get(5, TimeUnit.SECONDS);
            naive.barrier();
            assertNotEquals(naive.server(key), naive.client.cache.peek(key).value(), "stale, and nothing will ever fix it");
        }
    }
}
