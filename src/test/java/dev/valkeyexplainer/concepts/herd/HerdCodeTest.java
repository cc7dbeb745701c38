package dev.valkeyexplainer.concepts.herd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.concept.CodeLanguage;
import dev.valkeyexplainer.concept.Snippet;
import dev.valkeyexplainer.concept.SnippetCheck;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A worker's code names the same commands in Java and Python, with the TTLs of the race it describes. */
class HerdCodeTest {

    @Test
    void withTheLockBothLanguagesNameGetSetNxAndTheReleaseScript() {
        HerdRace.Config real = HerdSetup.NORMAL.config(32, true, false, 42);
        Snippet s = HerdCode.worker("vx:herd:player:42", "vx:lock:herd:player:42", real);
        assertEquals(Set.of("GET", "SET", "EVALSHA"), SnippetCheck.commands(s.java(), CodeLanguage.JAVA));
        assertTrue(SnippetCheck.mismatch(s).isEmpty(), SnippetCheck.mismatch(s).orElse(""));
        assertTrue(s.java().contains(".expiry(Expiry.Seconds(5L))") && s.python().contains("expiry=ExpirySet(ExpiryType.SEC, 5)"));
        assertTrue(s.java().contains("Thread.sleep(25)") && s.python().contains("asyncio.sleep(0.025)"));
    }

    @Test
    void stepModeShowsItsTenMinuteLockAndTheLockExpiresSetUpItsOneSecond() {
        Snippet stepped = HerdCode.worker("k", "l", HerdSetup.NORMAL.config(2, true, true, 42));
        assertTrue(stepped.java().contains("Expiry.Seconds(600L)") && stepped.python().contains("ExpirySet(ExpiryType.SEC, 600)"));
        Snippet expires = HerdCode.worker("k", "l", HerdSetup.LOCK_EXPIRES.config(4, true, true, 42));
        assertTrue(expires.java().contains("Expiry.Seconds(1L)"), "the presenter chose the lock that expires");
        assertEquals(HerdSetup.LOCK_EXPIRES.lockTtlMs, HerdSetup.LOCK_EXPIRES.config(4, true, true, 42).lockTtlMs());
    }

    @Test
    void withoutTheLockOnlyGetAndSet() {
        Snippet s = HerdCode.worker("k", "l", HerdSetup.NORMAL.config(32, false, false, 42));
        assertEquals(Set.of("GET", "SET"), SnippetCheck.commands(s.python(), CodeLanguage.PYTHON));
        assertTrue(SnippetCheck.mismatch(s).isEmpty(), SnippetCheck.mismatch(s).orElse(""));
    }
}
