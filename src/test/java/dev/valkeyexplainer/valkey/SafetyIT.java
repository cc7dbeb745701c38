package dev.valkeyexplainer.valkey;

import static dev.valkeyexplainer.valkey.GatewayIT.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import glide.api.models.GlideString;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Safe on any server, with any address (issue 8): the namespace fences whatever the user types,
 * key names are bytes, a big keyspace does not make polling cost more, URLs are read as valkey-cli
 * reads them, restricted ACL users connect and are told what they may not do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafetyIT {

    private static final String ODD_PASSWORD = "Ab3+xY9+Qz=";
    private ManagedValkeyServer server;

    @BeforeAll
    void start() {
        server = ManagedValkeyServer.start(List.of(
                "user plus on >" + ODD_PASSWORD + " ~* &* +@all",
                "user readonly on >pw ~vx:* +@read +info -@write",
                "user otherkeys on >pw ~other:* +@all",
                "user noconn on >pw ~* &* +@all -@connection"));
    }

    /** Each test starts from an empty server (the test's own: FLUSHALL is fine here). */
    @org.junit.jupiter.api.BeforeEach
    void empty() throws Exception {
        try (ValkeyGateway g = connect("vx:", server.target())) {
            raw(g, GlideString.of("FLUSHALL"));
        }
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
    }

    private ConnectionTarget as(String user, String passwordEscaped) {
        return ConnectionTarget.parse("redis://" + user + ":" + passwordEscaped + "@127.0.0.1:" + server.port());
    }

    private ValkeyGateway connect(String prefix, ConnectionTarget t) throws Exception {
        ValkeyGateway g = new ValkeyGateway(new Namespace(prefix), new CommandJournal());
        g.connect(t).get(20, TimeUnit.SECONDS);
        return g;
    }

    /** A client of the test's own that writes around the namespace guard, as another app on the server would. */
    private Object raw(ValkeyGateway g, GlideString... args) throws Exception {
        return g.send("t", "t", new ValkeyCall<>(List.of("raw"), List.of(), "", c -> c.custom(args))).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aPrefixWithoutColonFencesOnlyItsOwnKeysAndBinaryNamesAreCountedAndRemoved() throws Exception {
        assertEquals("vx:", new Namespace("vx").prefix(), "--prefix vx means vx:");
        try (ValkeyGateway g = connect("vx", server.target())) {
            for (String foreign : new String[]{"vxbackup", "vx_users", "vx", "VX:upper"}) {
                raw(g, GlideString.of("SET"), GlideString.of(foreign), GlideString.of("keep"));
            }
            byte[] binary = HexFormat.ofDelimiter(" ").parseHex(
                    "76 78 3a 75 3a 92 b5 31 32 37 2e 30 2e 30 2e 31 3a 35 30 30 30 2f 61 64 6d 69 6e 2f c0");
            raw(g, GlideString.of("SET"), GlideString.of(binary), GlideString.of("binary name"));
            g.send("t", "t", Commands.set("vx:a", "1")).get(5, TimeUnit.SECONDS);
            g.send("t", "t", Commands.set("vx:b", "2")).get(5, TimeUnit.SECONDS);

            assertEquals(3L, g.countNamespaceKeysNow("t", "t").get(10, TimeUnit.SECONDS), "two UTF-8 names and one binary");
            assertEquals(3L, g.resetNamespace("t").get(10, TimeUnit.SECONDS));
            assertEquals(0L, g.countNamespaceKeysNow("t", "t").get(10, TimeUnit.SECONDS));
            for (String foreign : new String[]{"vxbackup", "vx_users", "vx", "VX:upper"}) {
                assertEquals("keep", g.send("t", "t", Commands.get(foreign)).get(5, TimeUnit.SECONDS), foreign + " survived");
                raw(g, GlideString.of("DEL"), GlideString.of(foreign));
            }
            assertTrue(g.journal().snapshot().stream().anyMatch(e -> e.commandText().contains("\\x92\\xb5")),
                    "the binary name is shown with escapes");
        }
    }

    @Test
    void aMillionForeignKeysDoNotMakeAPollCostMore() throws Exception {
        try (ValkeyGateway g = connect("vx:", server.target())) {
            // 1,000,000 foreign keys, written in pipelines of 10,000 (DEBUG POPULATE is off on servers by default)
            for (int b = 0; b < 100; b++) {
                List<List<String>> sets = new ArrayList<>();
                for (int i = 0; i < 10_000; i++) sets.add(List.of("SET", "foreign:" + (b * 10_000 + i), "x"));
                g.batch("seed", "seed", false, sets, List.of(), "").get(60, TimeUnit.SECONDS);
            }
            g.send("t", "t", Commands.set("vx:mine", "1")).get(5, TimeUnit.SECONDS);
            int rowsBefore = g.journal().size();
            var first = g.countNamespaceKeys("server", "poller", Long.MAX_VALUE);
            assertTrue(first.isDone(), "a poll never waits for a walk of the keyspace");
            try {
                waitFor(() -> g.countNamespaceKeys("server", "poller", Long.MAX_VALUE).join() == 1L, 180_000); // ~5 s on a quiet machine
            } catch (AssertionError e) {
                throw new AssertionError("count never reached 1; sweeps: " + g.journal().snapshot().stream().skip(rowsBefore)
                        .map(r -> r.commandText() + " -> " + r.reply() + " " + r.micros() + " µs").toList(), e);
            }
            long sweeps = g.journal().snapshot().stream().skip(rowsBefore).filter(e -> e.commandText().startsWith("SCAN (sweep)")).count();
            long pages = g.journal().snapshot().stream().skip(rowsBefore).filter(e -> e.commandText().startsWith("SCAN 0")).count();
            assertTrue(sweeps >= 1, "each walk is one journal row");
            assertEquals(0, pages, "no row per page");
            String row = g.journal().snapshot().stream().skip(rowsBefore).filter(e -> e.commandText().startsWith("SCAN (sweep)"))
                    .findFirst().orElseThrow().reply();
            assertTrue(row.matches("[\\d,]+ pages, 1 key under vx:"), row);
        }
    }

    @Test
    void aPlusInThePasswordIsAPlusAndADatabaseNumberIsUsed() throws Exception {
        try (ValkeyGateway g = connect("vx:", as("plus", ODD_PASSWORD))) {
            assertTrue(g.status().connected(), g.status().message());
        }
        ConnectionTarget db3 = ConnectionTarget.parse("valkey://default:" + server.target().password() + "@127.0.0.1:"
                + server.port() + "/3");
        try (ValkeyGateway g = connect("vx:", db3)) {
            g.send("t", "t", Commands.set("vx:in3", "three")).get(5, TimeUnit.SECONDS);
            assertEquals(1L, g.countNamespaceKeysNow("t", "t").get(5, TimeUnit.SECONDS));
            String keyspace = String.valueOf(g.send("t", "t", Commands.read("INFO", "keyspace")).get(5, TimeUnit.SECONDS));
            assertTrue(keyspace.contains("db3:keys=1"), keyspace);
            assertFalse(keyspace.contains("db0:") && g.send("t", "t", Commands.read("EXISTS", "vx:in3")).get().equals(0L));
            assertEquals(1L, g.resetNamespace("t").get(5, TimeUnit.SECONDS), "reset acts on database 3");
        }
    }

    @Test
    void tlsToAPlainServerAndAnHttpServerAreToldApart() throws Exception {
        try (ValkeyGateway g = connect("vx:", ConnectionTarget.parse("rediss://127.0.0.1:" + server.port()))) {
            assertTrue(g.status().message().contains("No TLS handshake"), g.status().message());
        }
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.start();
        try (ValkeyGateway g = connect("vx:", ConnectionTarget.parse("valkey://127.0.0.1:" + http.getAddress().getPort()))) {
            assertTrue(g.status().message().contains("an HTTP server answered"), g.status().message());
        } finally {
            http.stop(0);
        }
    }

    @Test
    void restrictedUsersConnectAndAreToldWhatTheyMayNotRun() throws Exception {
        long aclLogBefore = aclLogLength();
        int refusals = 0; // distinct refusals the app noted: each may reach the ACL log once, never again
        try (ValkeyGateway g = connect("vx:", as("readonly", "pw"))) {
            assertTrue(g.status().connected(), g.status().message());
            // known right after connecting, before any feature is used: the probes' NOPERM replies
            waitFor(() -> Capability.WRITE.refusedBy(g.status().denied()) && Capability.SCRIPTING.refusedBy(g.status().denied())
                    && Capability.CONNECTION.refusedBy(g.status().denied()) && Capability.PUBSUB.refusedBy(g.status().denied()), 2_000);
            assertTrue(g.send("t", "t", Commands.set("vx:x", "1")).handle((v, e) -> e != null).get());
            waitFor(() -> g.status().denied().contains("SET"), 2_000);
            assertEquals(null, g.send("t", "t", Commands.get("vx:x")).get(5, TimeUnit.SECONDS), "reads work");
            // a transaction (a poller's MULTI GET PFCOUNT EXEC): refused once, then not sent again
            List<List<String>> reads = List.of(List.of("GET", "vx:x"), List.of("PFCOUNT", "vx:x"));
            Throwable first = g.batch("t", "poller", true, reads, List.of(), "").handle((v, e) -> e).get(5, TimeUnit.SECONDS);
            assertTrue(first != null && JournalFormat.errorMessage(first).startsWith("NOPERM"), String.valueOf(first));
            waitFor(() -> g.status().denied().contains("MULTI"), 2_000);
            int rows = g.journal().size();
            Throwable again = g.batch("t", "poller", true, reads, List.of(), "").handle((v, e) -> e).get(5, TimeUnit.SECONDS);
            assertTrue(again != null && JournalFormat.errorMessage(again).contains("not sent again"), String.valueOf(again));
            assertEquals(rows, g.journal().size(), "not sent, not journaled again");
            Object[] pipelined = g.batch("t", "poller", false, reads, List.of(), "").get(5, TimeUnit.SECONDS);
            assertEquals(2, pipelined.length, "a pipeline of allowed reads still runs");
            refusals += g.status().denied().size();
        }
        try (ValkeyGateway g = connect("vx:", as("otherkeys", "pw"))) {
            assertTrue(g.status().connected(), g.status().message());
            assertTrue(g.send("t", "t", Commands.set("vx:x", "1")).handle((v, e) -> e != null).get());
            waitFor(() -> g.status().denied().contains("keys outside the user's key patterns"), 2_000);
            assertTrue(Capability.WRITE.refusedBy(g.status().denied()), "writes are off for a user limited to other keys");
            waitFor(() -> g.journal().snapshot().stream().filter(e -> e.connection().equals("acl-probe")).count()
                    == Capability.values().length, 2_000);
            refusals += g.journal().snapshot().stream().filter(e -> e.error()).count(); // one per key refused
        }
        try (ValkeyGateway g = connect("vx:", as("noconn", "pw"))) {
            assertTrue(g.status().connected(), "connected without CLIENT SETNAME: " + g.status().message());
            // every probe answered (a row is journaled after its refusal, if any, was noted)
            waitFor(() -> g.journal().snapshot().stream().filter(e -> e.connection().equals("acl-probe")).count()
                    == Capability.values().length, 2_000);
            assertTrue(Capability.CONNECTION.refusedBy(g.status().denied()), "CLIENT commands are off: " + g.status().denied());
            assertFalse(Capability.WRITE.refusedBy(g.status().denied()), "this user may write: " + g.status().denied());
            assertFalse(Capability.SCRIPTING.refusedBy(g.status().denied()), "this user may run scripts: " + g.status().denied());
            // the health check must not use PING, which this user may not run: it keeps answering and the status stays up
            java.util.concurrent.atomic.AtomicInteger answers = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean wentDown = new java.util.concurrent.atomic.AtomicBoolean();
            g.addStatusListener(st -> {
                if (st.state() == ConnectionStatus.State.DOWN) wentDown.set(true);
                else if (st.latencyMicros() >= 0) answers.incrementAndGet();
            });
            long steady = aclLogLength();
            waitFor(() -> answers.get() >= 4, 5_000);
            assertFalse(wentDown.get(), "the health check does not use PING, which this user may not run");
            assertEquals(steady, aclLogLength(), "health checks and pollers add nothing to the ACL log");
            refusals += g.status().denied().size();
        }
        try (ValkeyGateway g = connect("vx:", as("nosuchuser", "pw"))) {
            assertTrue(g.status().message().startsWith("Authentication failed"), g.status().message());
            assertTrue(g.status().message().contains("Not retrying"), g.status().message());
            long after = aclLogLength();
            Thread.sleep(2_500); // longer than the retry period: a retry would add ACL log entries
            assertEquals(after, aclLogLength(), "no retries of a login that can never succeed");
        }
        // nothing refused is sent again: every ACL log entry (user, reason, object) counts one try, two for Glide's
        // handshake (CLIENT SETINFO lib-name and lib-ver)
        long maxCount = maxAclLogCount();
        assertTrue(maxCount <= 2, "a refusal was retried: " + aclLogText());
        assertTrue(aclLogLength() - aclLogBefore <= 3L * refusals, "the ACL log was not flooded: " + aclLogText());
    }

    private String aclLogText() throws Exception {
        try (ValkeyGateway g = connect("vx:", server.target())) {
            Object[] log = (Object[]) g.send("t", "t", Commands.read("ACL", "LOG", "1000")).get(5, TimeUnit.SECONDS);
            StringBuilder b = new StringBuilder();
            for (Object entry : log) {
                java.util.Map<?, ?> m = (java.util.Map<?, ?>) entry;
                b.append("\n  ").append(m.get("username")).append(' ').append(m.get("reason")).append(' ')
                        .append(m.get("object")).append(" ×").append(m.get("count"));
            }
            return b.toString();
        }
    }

    private long maxAclLogCount() throws Exception {
        try (ValkeyGateway g = connect("vx:", server.target())) {
            Object[] log = (Object[]) g.send("t", "t", Commands.read("ACL", "LOG", "1000")).get(5, TimeUnit.SECONDS);
            long max = 0;
            for (Object entry : log) max = Math.max(max, ((Number) ((java.util.Map<?, ?>) entry).get("count")).longValue());
            return max;
        }
    }

    private long aclLogLength() throws Exception {
        try (ValkeyGateway g = connect("vx:", server.target())) {
            Object[] log = (Object[]) g.send("t", "t", Commands.read("ACL", "LOG", "1000")).get(5, TimeUnit.SECONDS);
            long total = 0; // repeated failures of one kind share an entry whose count grows
            for (Object entry : log) total += ((Number) ((java.util.Map<?, ?>) entry).get("count")).longValue();
            return total;
        }
    }
}
