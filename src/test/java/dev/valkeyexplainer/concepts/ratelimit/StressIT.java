package dev.valkeyexplainer.concepts.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.valkey.JournalEntry;
import dev.valkeyexplainer.valkey.TestValkey;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Concurrency against a real valkey-server, from dedicated connections: the script never admits more
 * than capacity + rate × time, the same arithmetic done read-then-write from the client does. Sized to
 * keep ./test quick; the tab's button runs 32 × 1,000.
 */
class StressIT {

    private static TestValkey valkey;

    @BeforeAll
    static void start() throws Exception {
        valkey = new TestValkey();
    }

    @AfterAll
    static void stop() {
        valkey.close();
    }

    private static StressTest stress(String name) {
        var scope = valkey.gateway.scope("test", "stress");
        return new StressTest(valkey.gateway, scope, scope.key("ratelimit:{" + name + "}:bucket"));
    }

    @Test
    void thirtyTwoWorkersNeverPassTheBoundWithTheScript() throws Exception {
        int rows = valkey.journal.size();
        StressTest.Config c = new StressTest.Config(StressTest.Mode.SCRIPT, 32, 200, 4, 5, 1, 50);
        StressTest.Result r = stress("script").run(c).get(60, TimeUnit.SECONDS);
        assertEquals(c.total(), r.allowed() + r.denied(), "every cast got a verdict");
        assertTrue(r.allowed() <= r.maxAllowed(), r.summary());
        assertTrue(r.allowed() >= 5, "the full bucket's 5 tokens were admitted: " + r.summary());
        List<JournalEntry> mine = valkey.journal.snapshot().stream().skip(rows).toList();
        assertEquals(32 * 200 / 50, mine.stream().filter(e -> e.kind() == JournalEntry.Kind.PIPELINE).count(),
                "one journal row per pipeline of 50");
        assertEquals(4, mine.stream().filter(e -> e.kind() == JournalEntry.Kind.EVENT
                        && e.commands().get(0).get(0).matches("CONNECT .* as stress-\\d \\(RESP3\\)")).count(),
                "four connections of its own");
    }

    @Test
    void readThenWriteFromTheClientOverAdmits() throws Exception {
        // a tight bucket and many clients reading at once: every read of the first round sees the full bucket
        StressTest.Config c = new StressTest.Config(StressTest.Mode.READ_THEN_WRITE, 32, 10, 8, 5, 1, 1);
        StressTest.Result r = stress("naive").run(c).get(60, TimeUnit.SECONDS);
        assertEquals(c.total(), r.allowed() + r.denied());
        assertTrue(r.overAdmitted(), "expected over-admission: " + r.summary());
    }

    @Test
    void readThenWriteIsRightWhenOneClientIsAlone() throws Exception {
        StressTest.Config c = new StressTest.Config(StressTest.Mode.READ_THEN_WRITE, 1, 30, 1, 5, 1, 1);
        StressTest.Result r = stress("alone").run(c).get(60, TimeUnit.SECONDS);
        assertTrue(!r.overAdmitted(), r.summary());
        assertTrue(r.allowed() >= 5, r.summary());
    }
}
