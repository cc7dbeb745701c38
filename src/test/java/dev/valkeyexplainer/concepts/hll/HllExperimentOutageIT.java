package dev.valkeyexplainer.concepts.hll;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.valkey.TestValkey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: N = 1,000,000, the server SIGKILLed mid-run and restarted: the experiment went on and reported
 * "Done" over two runs' data. Now it stops and says why: the pipeline in flight fails ("Lost the server"),
 * or, if a batch reaches the restarted server, the Set misses the users added before and the run_id changed.
 */
class HllExperimentOutageIT {

    @Test
    void aRunStopsWhenTheServerIsKilledAndRestartedMidRun() throws Exception {
        try (TestValkey valkey = new TestValkey()) {
            List<Experiment.Progress> heard = new CopyOnWriteArrayList<>();
            var run = new Experiment(valkey.gateway.scope("hll", "experiment"), "vx:hll:exp", "vx:hll:exp:set")
                    .run(1_000_000, heard::add);
            await().atMost(30, TimeUnit.SECONDS).until(() -> !heard.isEmpty() && heard.get(heard.size() - 1).done() >= 20_000);
            valkey.server.kill();
            valkey.server.restart();
            ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(90, TimeUnit.SECONDS));
            Experiment.Stopped s = (Experiment.Stopped) e.getCause();
            assertTrue(s.getMessage().startsWith("Lost the server after ")
                    || s.getMessage().startsWith("The server restarted during the run (its run_id changed)"), s.getMessage());
            assertFalse(s.progress().finished(), "never \"Done\"");
            assertTrue(heard.get(heard.size() - 1).stopped(), "the last thing the view heard is why it stopped");
        }
    }
}
