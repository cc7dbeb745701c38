package dev.valkeyexplainer.concepts.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.concept.CodeLanguage;
import dev.valkeyexplainer.concept.Snippet;
import dev.valkeyexplainer.concept.SnippetCheck;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Server concept's snippets name the same commands in both languages, with the values in use; the median. */
class ServerCodeTest {

    @Test
    void pollingNamesInfoAndScanInBothLanguages() {
        Snippet s = ServerCode.polling("vx:*");
        assertEquals(Set.of("INFO", "SCAN"), SnippetCheck.commands(s.java(), CodeLanguage.JAVA));
        assertTrue(SnippetCheck.mismatch(s).isEmpty(), SnippetCheck.mismatch(s).orElse(""));
        assertTrue(s.java().contains("\"vx:*\"") && s.python().contains("\"vx:*\""));
    }

    @Test
    void trafficShowsTheExpiryAndTheCountsInUse() {
        Snippet s = ServerCode.traffic("vx:server:demo:", 1_000, 300, 21);
        assertEquals(Set.of("SET", "GET"), SnippetCheck.commands(s.python(), CodeLanguage.PYTHON));
        assertTrue(SnippetCheck.mismatch(s).isEmpty(), SnippetCheck.mismatch(s).orElse(""));
        assertTrue(s.java().contains("Expiry.Seconds(300L)") && s.python().contains("ExpirySet(ExpiryType.SEC, 300)"));
        assertTrue(s.java().contains("i < 21") && s.python().contains("range(21)"));
    }

    @Test
    void oneGetOnItsOwnIsTheMedianOfTheSamplesNotTheFirst() {
        TrafficRun.Result r = new TrafficRun.Result(2_000, 20_000, new long[]{40_000, 110, 90, 130, 100});
        assertEquals(110, r.median(), "the 40 ms outlier does not decide the figure");
        assertEquals(90, r.fastest());
        assertEquals(40_000, r.slowest());
        assertTrue(r.summary().contains("One GET on its own: 110 µs round trip (median of 5; fastest 90 µs, slowest 40,000 µs)"),
                r.summary());
        assertEquals(105, new TrafficRun.Result(2, 2, new long[]{100, 110}).median(), "an even count: the mean of the middle two");
    }
}
