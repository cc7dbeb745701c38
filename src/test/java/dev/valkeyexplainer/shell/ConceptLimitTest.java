package dev.valkeyexplainer.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.app.ConceptRegistry;
import dev.valkeyexplainer.concept.Concept;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which concepts a restricted user's refusals make read-only or off (the side list's marks). */
class ConceptLimitTest {

    private static Concept concept(String id) {
        return ConceptRegistry.standard().all().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aUserWhoMayNotWriteMakesWritingConceptsReadOnly() {
        List<String> denied = List.of("DEL", "SET");
        ConceptNav.Limit hll = ConceptNav.limitOf(concept("hll"), denied);
        assertEquals("read-only", hll.effect());
        assertTrue(hll.why().contains("writes keys") && hll.why().contains("DEL"), hll.why());
        assertNull(ConceptNav.limitOf(concept("pubsub"), denied), "Pub/Sub writes no keys");
        String why = ConceptNav.limitOf(concept("hll"), List.of("DEL", "PING", "MODULE LIST")).why();
        assertTrue(why.contains("NOPERM: DEL)") && !why.contains("PING"), "only the refusals that matter to it: " + why);
    }

    @Test
    void aRefusedMechanismTurnsTheConceptOff() {
        assertEquals("off", ConceptNav.limitOf(concept("ratelimit"), Set.of("EVAL")).effect(), "the limiters are Lua scripts");
        assertEquals("off", ConceptNav.limitOf(concept("csc"), Set.of("CLIENT ID")).effect(), "tracking needs CLIENT");
        assertEquals("off", ConceptNav.limitOf(concept("pubsub"), Set.of("channels outside the user's channel patterns")).effect());
        assertEquals("read-only", ConceptNav.limitOf(concept("geo"), Set.of("keys outside the user's key patterns")).effect());
        assertNull(ConceptNav.limitOf(concept("geo"), Set.of("EVAL", "CLIENT ID")), "geo needs neither");
    }
}
