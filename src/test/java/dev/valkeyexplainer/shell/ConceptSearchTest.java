package dev.valkeyexplainer.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.app.ConceptRegistry;
import dev.valkeyexplainer.concept.Concept;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Search over the real catalog, and the browser-like history. */
class ConceptSearchTest {

    private final List<Concept> all = ConceptRegistry.standard().all();

    @Test
    void findsByTitleCommandAndKeywordBestFirst() {
        assertEquals("hll", ConceptSearch.find(all, "pfmerge").get(0).id());
        assertEquals("herd", ConceptSearch.find(all, "thundering").get(0).id());
        assertEquals("cache", ConceptSearch.find(all, "cache-aside").get(0).id(), "a title match comes first");
        assertTrue(ConceptSearch.find(all, "no such thing").isEmpty());
        assertEquals(all.size(), ConceptSearch.find(all, "  ").size(), "an empty query lists everything");
    }

    @Test
    void historyGoesBackAndForwardAndANewVisitClearsForward() {
        NavigationHistory<String> h = new NavigationHistory<>();
        h.visit("a");
        h.visit("b");
        h.visit("c");
        assertEquals("b", h.back().orElseThrow());
        assertEquals("a", h.back().orElseThrow());
        assertTrue(h.back().isEmpty());
        assertEquals("b", h.forward().orElseThrow());
        h.visit("d");
        assertTrue(h.forward().isEmpty(), "visiting clears the forward list");
        assertEquals("b", h.back().orElseThrow());
    }
}
