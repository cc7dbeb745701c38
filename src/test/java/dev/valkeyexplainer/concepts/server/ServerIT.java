package dev.valkeyexplainer.concepts.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.concept.CodeLanguage;
import dev.valkeyexplainer.concept.SnippetCheck;
import dev.valkeyexplainer.valkey.JournalEntry;
import dev.valkeyexplainer.valkey.TestValkey;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Server concept's poll and traffic run against a real server: what they send is what their code shows. */
class ServerIT {

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
        return valkey.journal.snapshot().stream().skip(from).filter(e -> e.conceptId().equals("server")
                && e.connection().equals(connection)).toList();
    }

    @Test
    void theTrafficRunSendsWhatItsCodeShowsAndMeasuresTheMedianOfTheLoneGets() throws Exception {
        int before = valkey.journal.size();
        ServerModel model = new ServerModel(valkey.gateway, valkey.gateway.scope("server", "poller"),
                valkey.gateway.scope("server", "traffic"));
        TrafficRun.Result r = model.sendTraffic().get(30, TimeUnit.SECONDS);
        assertEquals(2_000, r.commands());
        assertEquals(TrafficRun.SINGLE_GETS, r.singleMicros().length);
        assertTrue(r.fastest() > 0 && r.fastest() <= r.median() && r.median() <= r.slowest(), r.summary());
        assertEquals("player-7", valkey.send(dev.valkeyexplainer.valkey.Commands.get("vx:server:demo:7")));
        long ttl = valkey.send(dev.valkeyexplainer.valkey.Commands.ttl("vx:server:demo:7"));
        assertTrue(ttl > 290 && ttl <= TrafficRun.EX_SECONDS, "EX 300 as the code says: " + ttl);
        var code = ServerCode.traffic("vx:server:demo:", TrafficRun.KEYS, TrafficRun.EX_SECONDS, TrafficRun.SINGLE_GETS);
        assertEquals(SnippetCheck.sent(rows("traffic", before)), SnippetCheck.commands(code.java(), CodeLanguage.JAVA));
        assertEquals(1 + 1 + TrafficRun.SINGLE_GETS, rows("traffic", before).size(), "two pipelines, then the lone GETs");
    }

    @Test
    void aReadingIsOneInfoAndANamespaceScanAsThePollingCodeShows() throws Exception {
        int before = valkey.journal.size();
        ServerModel model = new ServerModel(valkey.gateway, valkey.gateway.scope("server", "poller"),
                valkey.gateway.scope("server", "traffic"));
        var next = model.nextReading();
        var counted = model.nextCountedReading();
        ServerSnapshot s = model.read().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(s, next.get(1, TimeUnit.SECONDS), "nextReading completes with the reading taken after it was asked for");
        assertEquals(s, counted.get(1, TimeUnit.SECONDS), "a counted reading was asked for, so this one counted");
        assertTrue(s.version().matches("\\d+\\.\\d+.*"), s.version());
        assertEquals(valkey.gateway.countNamespaceKeysNow("test", "test").get(10, TimeUnit.SECONDS), s.nsKeys(),
                "the keys under the prefix, counted now");
        assertEquals(SnippetCheck.sent(rows("poller", before)),
                SnippetCheck.commands(ServerCode.polling("vx:*").java(), CodeLanguage.JAVA));
    }
}
