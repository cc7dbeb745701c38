package dev.valkeyexplainer.concepts.hll;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.concept.CodeLanguage;
import dev.valkeyexplainer.concept.SnippetCheck;
import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.JournalEntry;
import dev.valkeyexplainer.valkey.TestValkey;
import dev.valkeyexplainer.valkey.hll.HllHash;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HyperLogLog concept's reads, merge and experiment against a real server, including what goes wrong. */
class HllConceptIT {

    private static TestValkey valkey;

    @BeforeAll
    static void start() throws Exception {
        valkey = new TestValkey();
    }

    @AfterAll
    static void stop() {
        valkey.close();
    }

    private static List<JournalEntry> rows(String connection, int from) {
        return valkey.journal.snapshot().stream().skip(from).filter(e -> e.connection().equals(connection)).toList();
    }

    @Test
    void aReadTakesTheRegistersAndPfcountAtOneMomentAndRecomputesTheSameCount() throws Exception {
        String[] names = new String[3_000];
        for (int i = 0; i < names.length; i++) names[i] = "u" + i;
        valkey.send(Commands.pfadd("vx:hll:t:read", names));
        int before = valkey.journal.size();
        HllSnapshot s = new HllReader().read(valkey.gateway.scope("hll", "reader"), "vx:hll:t:read", null).get(10, TimeUnit.SECONDS);
        assertEquals(valkey.send(Commands.pfcount("vx:hll:t:read")), s.pfcount());
        assertEquals(s.pfcount(), s.recomputed(), "Valkey's estimator recomputed from the decoded registers");
        assertTrue(s.agrees() && !s.overflowed());
        assertEquals(JournalEntry.Kind.MULTI, rows("reader", before).get(0).kind(), "GET and PFCOUNT in one MULTI/EXEC");
        assertEquals(SnippetCheck.sent(rows("reader", before)),
                SnippetCheck.commands(HllCode.readBack("k", "s").java(), CodeLanguage.JAVA).headSet("SCARD"),
                "the read-back code names the same commands (plus SCARD for the exact count)");
    }

    /** Issue 9: registers at 50 or more made the app show 9,223,372,036,854,775,807 while the server said −2^63. */
    @Test
    void registersAtTheMaximumShowThePfcountTheServerRepliesAndTheOverflow() throws Exception {
        valkey.send(HllFixtures.setBytes("vx:hll:t:max", HllFixtures.denseAll(50)));
        HllSnapshot s = new HllReader().read(valkey.gateway.scope("hll", "reader"), "vx:hll:t:max", null).get(10, TimeUnit.SECONDS);
        assertEquals(Long.MIN_VALUE, s.pfcount(), "what the server replies: its 64-bit integer overflowed");
        assertEquals(50, s.state().maxRegister());
        assertTrue(s.overflowed(), "the recomputed estimate is 2^63 or more");
        assertTrue(s.agrees(), "both overflowed: not a mismatch");
    }

    /** Issue 9: a damaged key (PFADD, then APPEND) must be named, with the way to clear it. */
    @Test
    void aDamagedKeyIsNamedWithTheServersErrorAndHowToClearIt() throws Exception {
        valkey.send(Commands.pfadd("vx:hll:t:bad", "alice"));
        valkey.send(Commands.write(List.of("vx:hll:t:bad"), "APPEND", "vx:hll:t:bad", "hello"));
        ExecutionException e = assertThrows(ExecutionException.class, () ->
                new HllReader().read(valkey.gateway.scope("hll", "reader"), "vx:hll:t:bad", null).get(10, TimeUnit.SECONDS));
        HllDamage d = HllDamage.of(e);
        assertNotNull(d, String.valueOf(e));
        assertEquals("vx:hll:t:bad", d.key());
        assertTrue(d.getMessage().startsWith("vx:hll:t:bad is damaged: "), d.getMessage());
        assertTrue(d.getMessage().contains("The server says: INVALIDOBJ: Corrupted HLL object detected."), d.getMessage());
        assertTrue(d.getMessage().endsWith("\"Reset demo data\" in the tool bar deletes the namespace's keys, this one included."));
    }

    @Test
    void theMergeCountsAliceOnceAndSendsWhatItsCodeShows() throws Exception {
        int before = valkey.journal.size();
        HllKeys keys = HllKeys.of(valkey.gateway.namespace(), java.time.LocalDate.of(2026, 1, 1));
        MergeScenario.Result r = new MergeScenario(valkey.gateway.scope("hll", "merge"), keys, new HllReader()).run()
                .get(10, TimeUnit.SECONDS);
        assertEquals(3, r.game1().pfcount());
        assertEquals(2, r.game2().pfcount());
        assertEquals(4, r.merged().pfcount());
        assertTrue(r.allMax());
        assertEquals(SnippetCheck.sent(rows("merge", before)), SnippetCheck.commands(HllCode.merge("a", "b", "c", 4).python(),
                CodeLanguage.PYTHON));
    }

    @Test
    void theExperimentMeasuresEveryBatchAndSendsWhatItsCodeShows() throws Exception {
        int before = valkey.journal.size();
        Experiment.Progress p = new Experiment(valkey.gateway.scope("hll", "experiment"), "vx:hll:t:exp", "vx:hll:t:exp:set")
                .run(5_000, x -> { }).get(60, TimeUnit.SECONDS);
        assertTrue(p.finished() && !p.stopped());
        assertEquals(5_000, p.last().exact());
        assertTrue(Math.abs(p.last().relativeError()) < 4 * 0.0081, "inside ±4σ: " + p.last());
        assertTrue(p.setBytes() > p.hllBytes());
        assertEquals(SnippetCheck.sent(rows("experiment", before)),
                SnippetCheck.commands(HllCode.experiment("h", "s").java(), CodeLanguage.JAVA));
    }

    /** Issue 9: with maxmemory 1mb and noeviction every pipeline was refused, the run went on and ended in a NullPointerException. */
    @Test
    void theFirstErrorReplyStopsTheRunWithTheServersMessage() throws Exception {
        valkey.send(Commands.read("CONFIG", "SET", "maxmemory-policy", "noeviction"));
        valkey.send(Commands.read("CONFIG", "SET", "maxmemory", "1mb"));
        List<Experiment.Progress> heard = new CopyOnWriteArrayList<>();
        int before = valkey.journal.size();
        try {
            ExecutionException e = assertThrows(ExecutionException.class, () ->
                    new Experiment(valkey.gateway.scope("hll", "oom"), "vx:hll:t:oom", "vx:hll:t:oom:set")
                            .run(100_000, heard::add).get(60, TimeUnit.SECONDS));
            Experiment.Stopped s = (Experiment.Stopped) e.getCause();
            assertTrue(s.getMessage().startsWith("The server refused PFADD after 0 users: OOM: command not allowed when used memory"
                    + " > 'maxmemory'. The run stopped at the first error reply."), s.getMessage());
            assertEquals(0, s.progress().points().size(), "nothing measured");
            assertEquals(s.progress(), heard.get(heard.size() - 1), "the view hears why it stopped");
            assertEquals(1, rows("oom", before).stream().filter(r -> r.kind() == JournalEntry.Kind.PIPELINE).count(),
                    "it stopped after the first pipeline");
        } finally {
            valkey.send(Commands.read("CONFIG", "SET", "maxmemory", "0"));
        }
    }

    /** Issue 9: users added before a crash were lost and the chart joined two runs. Data lost mid-run stops the run. */
    @Test
    void aRunStopsWhenTheServerLosesItsDataMidRun() throws Exception {
        List<Experiment.Progress> heard = new CopyOnWriteArrayList<>();
        var run = new Experiment(valkey.gateway.scope("hll", "lost"), "vx:hll:t:lost", "vx:hll:t:lost:set").run(1_000_000, heard::add);
        await().atMost(30, TimeUnit.SECONDS).until(() -> !heard.isEmpty() && heard.get(heard.size() - 1).done() >= 20_000);
        valkey.send(Commands.del("vx:hll:t:lost:set")); // as an eviction or a flush would
        ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(60, TimeUnit.SECONDS));
        Experiment.Stopped s = (Experiment.Stopped) e.getCause();
        assertTrue(s.getMessage().startsWith("The server lost data during the run: the Set holds "), s.getMessage());
        assertFalse(s.progress().finished());
        assertTrue(s.progress().done() < 1_000_000);
    }

    @Test
    void hashesMatchTheServersRegisters() throws Exception {
        HllSnapshot s;
        valkey.send(Commands.del("vx:hll:t:one"));
        valkey.send(Commands.pfadd("vx:hll:t:one", "zelda"));
        s = new HllReader().read(valkey.gateway.scope("hll", "reader"), "vx:hll:t:one", null).get(10, TimeUnit.SECONDS);
        HllHash h = HllHash.of("zelda");
        assertEquals(h.value(), s.state().register(h.index()));
    }
}
