package dev.valkeyexplainer.concepts.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.concept.CodeLanguage;
import dev.valkeyexplainer.concept.Snippet;
import dev.valkeyexplainer.concept.SnippetCheck;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cache-aside snippets: the same commands in Java and Python, and the values on the sliders. */
class CacheCodeTest {

    private static void sameInBoth(Snippet s, Set<String> commands) {
        assertTrue(SnippetCheck.mismatch(s).isEmpty(), SnippetCheck.mismatch(s).orElse(""));
        assertEquals(commands, SnippetCheck.commands(s.java(), CodeLanguage.JAVA));
    }

    @Test
    void lookupShowsTheTtlInUse() {
        Snippet s = CacheCode.lookup("vx:player:", 5);
        sameInBoth(s, Set.of("GET", "SET"));
        assertTrue(s.java().contains("Expiry.Seconds(5L)") && s.python().contains("ExpirySet(ExpiryType.SEC, 5)"));
        assertTrue(!s.java().contains("60L") && !s.python().contains(", 60)"), "no other TTL");
    }

    @Test
    void theTriggerDeletesTheKey() {
        sameInBoth(CacheCode.trigger("vx:player:"), Set.of("DEL"));
    }

    @Test
    void theHotKeyShowsItsTtlThresholdAndRefreshLock() {
        Snippet s = CacheCode.hotKey("vx:hot:player:1", "vx:lock:hot:player:1", 1, 6, 5, 5);
        sameInBoth(s, Set.of("MULTI", "EXEC", "GET", "TTL", "SET", "EVALSHA"));
        assertTrue(s.java().contains("(Long) r[1] < 5") && s.python().contains("ttl < 5"), "the threshold");
        assertTrue(s.java().contains("Expiry.Seconds(6L)") && s.python().contains("ExpirySet(ExpiryType.SEC, 6)"), "the TTL");
        assertTrue(s.java().contains("conditionalSetOnlyIfNotExist") && s.python().contains("ONLY_IF_DOES_NOT_EXIST"), "the lock");
    }
}
