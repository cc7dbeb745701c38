package dev.valkeyexplainer.concepts.csc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.TestValkey;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A server restart loses every connection's tracking. The client must empty its local cache (it may
 * have missed invalidations), re-create connection 0 and re-issue CLIENT TRACKING with the new id on
 * every data connection, and say so.
 */
class CscRestartIT {

    @Test
    void afterARestartNoStaleValueIsServedAndEveryDataConnectionTracksAgain() throws Exception {
        try (TestValkey valkey = new TestValkey(); CscHarness h = new CscHarness(valkey, true)) {
            for (int i = 1; i <= 5; i++) h.read(h.keys.player(i));
            assertEquals(5, h.client.cache.size());
            long oldConn0 = h.client.conn0Id();

            valkey.server.kill();
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> h.client.cache.size() == 0);
            assertTrue(h.events.stream().anyMatch(e -> e instanceof CscEvent.Status s && s.problem()
                    && s.text().startsWith("Connection 0 was lost")), "said so");

            valkey.server.restart(); // a fresh, empty server on the same port
            Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> "OK".equals(valkey.send(Commands.set(h.keys.player(1), "gold=after-restart"))));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> h.client.ready().isDone()
                    && !h.client.ready().isCompletedExceptionally());
            long newConn0 = h.client.conn0Id();
            assertNotEquals(oldConn0, newConn0);
            assertTrue(h.events.stream().anyMatch(e -> e instanceof CscEvent.Status s && !s.problem()
                    && s.text().contains("CLIENT ID " + newConn0)), "said which connection 0 it is now");

            CachingClient.ReadResult r = h.read(h.keys.player(1));
            assertEquals("gold=after-restart", r.value(), "not the value cached before the restart");
            assertEquals(CachingClient.Source.REMOTE, r.source());
            StringBuilder ids = new StringBuilder("CLIENT LIST ID");
            for (DataPool.Slot s : h.client.slots()) ids.append(' ').append(s.clientId);
            Map<Long, ClientList.Row> rows = ClientList.parse(String.valueOf(valkey.send(Commands.read(ids.toString().split(" ")))));
            assertEquals(9, rows.size());
            rows.values().forEach(row -> {
                assertTrue(row.tracking(), row.toString());
                assertEquals(newConn0, row.redirect(), row.toString());
            });
            h.client.writeElsewhere(h.keys.player(1), "gold=tracked-again").get(5, TimeUnit.SECONDS);
            Awaitility.await().atMost(Duration.ofSeconds(1)).until(() -> h.client.cache.peek(h.keys.player(1)) == null);
        }
    }
}
