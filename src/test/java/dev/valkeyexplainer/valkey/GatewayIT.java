package dev.valkeyexplainer.valkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway against a real valkey-server: namespace, journal, reset, outage and recovery. */
class GatewayIT {

    private ManagedValkeyServer server;
    private CommandJournal journal;
    private ValkeyGateway gateway;

    @BeforeEach
    void start() throws Exception {
        server = ManagedValkeyServer.start();
        journal = new CommandJournal();
        gateway = new ValkeyGateway(Namespace.DEFAULT, journal);
        assertTrue(gateway.connect(server.target()).get(10, TimeUnit.SECONDS).connected());
    }

    @AfterEach
    void stop() {
        gateway.close();
        server.close();
    }

    private <T> T send(ValkeyCall<T> call) throws Exception {
        return gateway.send("test", "main", call).get(5, TimeUnit.SECONDS);
    }

    @Test
    void resetRemovesOnlyThePrefixWhileAThousandForeignKeysSurvive() throws Exception {
        // Foreign keys are written around the gateway (a raw pipeline), as another app on the server would.
        List<List<String>> foreign = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) foreign.add(List.of("SET", "other:app:" + i, "v" + i));
        foreign.add(List.of("SET", "vx", "not in the namespace: no colon"));
        foreign.add(List.of("SET", "VX:upper", "case matters"));
        // The gateway refuses these writes, so seed them with a client of the test's own.
        seedForeign(foreign);
        for (int i = 0; i < 2_500; i++) send(Commands.set("vx:demo:" + i, "x"));
        assertEquals(3_502L, send(Commands.read("DBSIZE")));

        long removed = gateway.resetNamespace("test").get(30, TimeUnit.SECONDS);

        assertEquals(2_500L, removed);
        assertEquals(1_002L, send(Commands.read("DBSIZE")));
        assertEquals("v999", send(Commands.get("other:app:999")));
        assertEquals("case matters", send(Commands.get("VX:upper")));
        assertTrue(journal.snapshot().stream().anyMatch(e -> e.args().get(0).equals("UNLINK")));
        assertFalse(journal.snapshot().stream().anyMatch(e -> e.args().get(0).startsWith("FLUSH")));
    }

    private void seedForeign(List<List<String>> commands) throws Exception {
        try (ValkeyGateway raw = new ValkeyGateway(new Namespace("other:"), new CommandJournal())) {
            raw.connect(server.target()).get(10, TimeUnit.SECONDS);
            // A pipeline whose written-keys list is left empty on purpose: this helper plays a foreign app.
            raw.batch("seed", "seed", false, commands, List.of(), "seed").get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aWriteOutsideTheNamespaceIsRefusedBeforeItReachesTheServer() throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class, () -> send(Commands.set("players:1", "x")));
        assertInstanceOf(Namespace.NamespaceViolation.class, e.getCause());
        assertNull(send(Commands.get("players:1")), "nothing was written");
        assertThrows(ExecutionException.class, () -> gateway.batch("test", "main", false,
                List.of(List.of("SET", "players:2", "x")), List.of("players:2"), "").get(5, TimeUnit.SECONDS));
    }

    @Test
    void everyCommandLandsInTheJournalWithReplyLatencyAndTheCallThatMadeIt() throws Exception {
        int before = journal.size();
        send(Commands.setEx("vx:j:1", "hello", 60));
        send(Commands.get("vx:j:1"));
        List<JournalEntry> rows = journal.snapshot().subList(before, before + 2);
        assertEquals(List.of("SET", "vx:j:1", "hello", "EX", "60"), rows.get(0).args());
        assertEquals("\"OK\"", rows.get(0).reply());
        assertEquals("\"hello\"", rows.get(1).reply());
        assertEquals("client.get(\"vx:j:1\")", rows.get(1).glideJava());
        assertTrue(rows.get(1).cliLine().endsWith("GET vx:j:1"));
        assertTrue(rows.get(1).micros() > 0);
        assertFalse(rows.get(1).cliLine().contains(server.target().password()), "no password in the cli line");
        for (JournalEntry e : journal.snapshot()) {
            assertFalse(e.toString().contains(server.target().password()), "password leaked in " + e);
        }
    }

    @Test
    void anAtomicBatchRunsAsMultiExecAndIsOneJournalRow() throws Exception {
        send(Commands.setEx("vx:hot", "v", 100));
        int before = journal.size();
        Object[] replies = gateway.batch("test", "main", true, List.of(List.of("GET", "vx:hot"), List.of("TTL", "vx:hot")),
                List.of(), "").get(5, TimeUnit.SECONDS);
        assertEquals("v", String.valueOf(replies[0]));
        assertTrue((Long) replies[1] > 90);
        assertEquals(before + 1, journal.size());
        assertEquals("MULTI;", journal.snapshot().get(before).args().get(0));
    }

    @Test
    void serverGoneIsReportedWithinASecondAndRecoveryIsAutomatic() throws Exception {
        List<ConnectionStatus> seen = new CopyOnWriteArrayList<>();
        AtomicInteger reconnects = new AtomicInteger();
        gateway.addStatusListener(seen::add);
        gateway.addReconnectListener(reconnects::incrementAndGet);
        AtomicInteger restarts = new AtomicInteger();
        AtomicInteger connectedWhenRestartHeard = new AtomicInteger();
        gateway.addRestartListener(() -> {
            restarts.incrementAndGet();
            if (gateway.status().connected()) connectedWhenRestartHeard.incrementAndGet();
        });
        send(Commands.set("vx:before", "1"));
        String runIdBefore = runId();

        server.stopProcess();
        long stoppedAt = System.nanoTime();
        waitFor(() -> gateway.status().state() == ConnectionStatus.State.DOWN, 3_000);
        long detectMs = (System.nanoTime() - stoppedAt) / 1_000_000;
        assertTrue(detectMs < 1_000, "outage noticed after " + detectMs + " ms");
        assertTrue(gateway.status().message().contains("Lost the server"), gateway.status().message());

        server.restart();
        waitFor(() -> gateway.status().connected(), 15_000);
        waitFor(() -> reconnects.get() > 0, 5_000);
        assertEquals(1, reconnects.get(), "reconnect listeners run once");
        assertEquals("OK", send(Commands.set("vx:after", "2")));
        assertNotEquals(runIdBefore, runId(), "a new server process behind the same address");
        assertEquals(1, restarts.get(), "the new run_id is heard once: what concepts remember is gone");
        assertEquals(0, connectedWhenRestartHeard.get(), "heard before 'connected' is published");
        assertTrue(journal.snapshot().stream().anyMatch(e -> e.commandText().startsWith("SERVER RESTARTED")),
                "the journal says the server is a new process");
        assertTrue(seen.stream().anyMatch(s -> s.state() == ConnectionStatus.State.DOWN));
    }

    @Test
    void aWrongPasswordAndAClosedPortGiveReadableMessages() throws Exception {
        ConnectionTarget t = server.target();
        try (ValkeyGateway g = new ValkeyGateway(Namespace.DEFAULT, new CommandJournal())) {
            ConnectionStatus s = g.connect(new ConnectionTarget(t.host(), t.port(), null, "wrong", false, false))
                    .get(15, TimeUnit.SECONDS);
            assertEquals(ConnectionStatus.State.DOWN, s.state());
            assertTrue(s.message().startsWith("Authentication failed"), s.message());
            int closed = ManagedValkeyServer.freePort();
            s = g.connect(ConnectionTarget.parse("valkey://127.0.0.1:" + closed)).get(15, TimeUnit.SECONDS);
            assertEquals(ConnectionStatus.State.DOWN, s.state());
            assertTrue(s.message().contains("Connection refused") || s.message().contains("No answer"), s.message());
        }
    }

    private String runId() throws Exception {
        return InfoParser.fields(String.valueOf(send(Commands.read("INFO", "server")))).get("run_id");
    }

    static void waitFor(java.util.function.BooleanSupplier cond, long ms) throws InterruptedException {
        long end = System.nanoTime() + ms * 1_000_000;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("condition not met within " + ms + " ms");
            Thread.sleep(20);
        }
    }
}
