package dev.valkeyexplainer.concepts.csc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.valkey.ClientOptions;
import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.DedicatedClient;
import dev.valkeyexplainer.valkey.TestValkey;
import io.valkey.CommandArguments;
import io.valkey.Connection;
import io.valkey.DefaultJedisClientConfig;
import io.valkey.HostAndPort;
import io.valkey.Protocol;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The platform facts the client-side caching tab is built on, checked against a real valkey-server
 * at the wire level, without the tab's own classes:
 * <ul>
 *   <li>a RESP2 connection from valkey-java takes CLIENT ID and SUBSCRIBEs to {@code __redis__:invalidate};</li>
 *   <li>Glide clients (one connection each) accept {@code CLIENT TRACKING ON REDIRECT <id>} with the
 *       BCAST PREFIX, NOLOOP and OPTIN variants as custom commands;</li>
 *   <li>a write by another client arrives as a pub/sub {@code message} whose payload is an ARRAY of keys;</li>
 *   <li>FLUSHALL arrives as a message whose payload is null ("everything").</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrackingProtocolFactsIT {

    private TestValkey valkey;
    private Connection conn0;
    private long conn0Id;

    @BeforeAll
    void start() throws Exception {
        valkey = new TestValkey();
        var t = valkey.server.target();
        conn0 = new Connection(new HostAndPort(t.host(), t.port()), DefaultJedisClientConfig.builder()
                .password(t.password()).clientName("facts-conn-0").socketTimeoutMillis(3_000).build());
        conn0Id = (Long) conn0.executeCommand(new CommandArguments(Protocol.Command.CLIENT).add("ID"));
        conn0.sendCommand(Protocol.Command.SUBSCRIBE, "__redis__:invalidate");
        List<Object> ack = conn0.getObjectMultiBulkReply(); // flushes the SUBSCRIBE, then reads its reply
        assertEquals("subscribe", text(ack.get(0)));
        assertEquals("__redis__:invalidate", text(ack.get(1)));
    }

    @AfterAll
    void stop() {
        if (conn0 != null) conn0.close();
        if (valkey != null) valkey.close();
    }

    @Test
    void theInvalidationConnectionSpeaksResp2AndIsSubscribed() throws Exception {
        String list = String.valueOf(valkey.send(Commands.read("CLIENT", "LIST", "ID", Long.toString(conn0Id))));
        assertTrue(list.contains("resp=2"), list);
        assertTrue(list.contains("sub=1"), list);
        assertTrue(list.contains("name=facts-conn-0"), list);
    }

    @Test
    void aDedicatedGlideClientToAStandaloneServerIsExactlyOneConnection() throws Exception {
        try (DedicatedClient data = open("facts-one")) {
            long id = (Long) data.send(Commands.read("CLIENT", "ID")).get(5, TimeUnit.SECONDS);
            String list = String.valueOf(valkey.send(Commands.read("CLIENT", "LIST")));
            long named = list.lines().filter(l -> l.contains(" name=vx-facts-one ")).count();
            assertEquals(1, named, list);
            assertTrue(list.lines().anyMatch(l -> l.startsWith("id=" + id + " ") && l.contains(" name=vx-facts-one ")), list);
        }
    }

    @Test
    void aWriteElsewhereArrivesAsAMessageWhosePayloadIsAnArrayOfKeys() throws Exception {
        String key = "vx:facts:default";
        try (DedicatedClient data = open("facts-data-1")) {
            assertEquals("OK", data.send(Commands.read("CLIENT", "TRACKING", "ON", "REDIRECT", Long.toString(conn0Id)))
                    .get(5, TimeUnit.SECONDS));
            valkey.send(Commands.set(key, "1"));
            data.send(Commands.get(key)).get(5, TimeUnit.SECONDS); // the server now remembers: data read key
            String flags = clientFlags(data);
            assertTrue(flags.contains("flags=t"), flags);
            assertTrue(flags.contains("redir=" + conn0Id), flags);
            valkey.send(Commands.set(key, "2")); // the gateway's shared client is "another client"
            List<Object> msg = conn0.getUnflushedObjectMultiBulkReply();
            assertEquals("message", text(msg.get(0)));
            assertEquals("__redis__:invalidate", text(msg.get(1)));
            List<?> keys = assertInstanceOf(List.class, msg.get(2), "the payload is an array, not a string");
            assertEquals(List.of(key), keys.stream().map(TrackingProtocolFactsIT::text).toList());
            data.send(Commands.read("CLIENT", "TRACKING", "OFF")).get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void bcastWithAPrefixSendsOnlyKeysUnderThePrefixAndNoloopSilencesOwnWrites() throws Exception {
        try (DedicatedClient data = open("facts-data-2")) {
            assertEquals("OK", data.send(Commands.read("CLIENT", "TRACKING", "ON", "REDIRECT", Long.toString(conn0Id),
                    "BCAST", "PREFIX", "vx:facts:p:", "NOLOOP")).get(5, TimeUnit.SECONDS));
            assertTrue(clientFlags(data).contains("flags=tB"), clientFlags(data));
            data.send(Commands.set("vx:facts:p:own", "x")).get(5, TimeUnit.SECONDS);  // NOLOOP: no message for this
            valkey.send(Commands.set("vx:facts:other", "x"));                          // outside the prefix: none
            valkey.send(Commands.set("vx:facts:p:1", "x"));                            // never read, still sent (BCAST)
            List<Object> msg = conn0.getUnflushedObjectMultiBulkReply();
            assertEquals(List.of("vx:facts:p:1"), ((List<?>) msg.get(2)).stream().map(TrackingProtocolFactsIT::text).toList(),
                    "the first message is the prefix key written elsewhere: the own write and the other key sent nothing");
            data.send(Commands.read("CLIENT", "TRACKING", "OFF")).get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void optinTracksOnlyReadsThatAskedWithClientCachingYes() throws Exception {
        try (DedicatedClient data = open("facts-data-3")) {
            data.send(Commands.read("CLIENT", "TRACKING", "ON", "REDIRECT", Long.toString(conn0Id), "OPTIN"))
                    .get(5, TimeUnit.SECONDS);
            valkey.send(Commands.set("vx:facts:optin:a", "1"));
            valkey.send(Commands.set("vx:facts:optin:b", "1"));
            data.send(Commands.get("vx:facts:optin:a")).get(5, TimeUnit.SECONDS); // not asked: not tracked
            Object[] replies = data.batch(false, List.of(List.of("CLIENT", "CACHING", "YES"), List.of("GET", "vx:facts:optin:b")),
                    List.of(), "pipeline").get(5, TimeUnit.SECONDS);
            assertEquals("OK", replies[0]);
            valkey.send(Commands.set("vx:facts:optin:a", "2"));
            valkey.send(Commands.set("vx:facts:optin:b", "2"));
            List<Object> msg = conn0.getUnflushedObjectMultiBulkReply();
            assertEquals(List.of("vx:facts:optin:b"), ((List<?>) msg.get(2)).stream().map(TrackingProtocolFactsIT::text).toList());
            data.send(Commands.read("CLIENT", "TRACKING", "OFF")).get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void flushallArrivesAsANullPayloadMeaningEverything() throws Exception {
        try (DedicatedClient data = open("facts-data-4")) {
            data.send(Commands.read("CLIENT", "TRACKING", "ON", "REDIRECT", Long.toString(conn0Id))).get(5, TimeUnit.SECONDS);
            valkey.send(Commands.set("vx:facts:flush", "1"));
            data.send(Commands.get("vx:facts:flush")).get(5, TimeUnit.SECONDS);
            valkey.send(Commands.read("FLUSHALL")); // this test's own server
            List<Object> msg = new ArrayList<>(conn0.getUnflushedObjectMultiBulkReply());
            assertEquals("message", text(msg.get(0)));
            assertNull(msg.get(2), "FLUSHALL sends a null payload");
            data.send(Commands.read("CLIENT", "TRACKING", "OFF")).get(5, TimeUnit.SECONDS);
        }
    }

    private DedicatedClient open(String name) throws Exception {
        return valkey.gateway.openClient("test", name, ClientOptions.DEFAULT).get(10, TimeUnit.SECONDS);
    }

    private static String clientFlags(DedicatedClient c) throws Exception {
        return String.valueOf(c.send(Commands.read("CLIENT", "INFO")).get(5, TimeUnit.SECONDS));
    }

    private static String text(Object o) {
        return o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(o);
    }
}
