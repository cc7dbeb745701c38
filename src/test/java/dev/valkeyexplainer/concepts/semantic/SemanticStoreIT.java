package dev.valkeyexplainer.concepts.semantic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.TestValkey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Valkey side against a real valkey-server: the Lua KNN, the country filter, the entries read back. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SemanticStoreIT {

    private static final List<String> COUNTRIES = List.of("DE", "FR", "US");
    private TestValkey valkey;
    private SemanticStore store;
    private Embedder embedder;
    private final List<SemanticStore.Entry> stored = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        valkey = new TestValkey();
        embedder = Embedder.load();
        store = new SemanticStore(valkey.gateway.scope("semantic", "test"), () -> false);
        Corpus corpus = Corpus.shipped();
        int i = 0;
        for (Corpus.Group g : corpus.groups()) {
            for (String q : g.questions().subList(0, 3)) {
                SemanticStore.Entry e = new SemanticStore.Entry(q, g.answer(), COUNTRIES.get(i++ % 3), g.id(), "seed", 10,
                        embedder.embed(q));
                stored.add(e);
                store.put(e).get(10, TimeUnit.SECONDS);
            }
        }
    }

    @AfterAll
    void stop() {
        if (valkey != null) valkey.close();
    }

    @Test
    void theLuaKnnEqualsABruteForceSearchInJava() throws Exception {
        for (String question : List.of("When does the next quest start?", "How do I get a pet?", "What is the capital of France?")) {
            float[] q = embedder.embed(question);
            SemanticStore.Search s = store.search(q, 8, "").get(10, TimeUnit.SECONDS);
            List<SemanticStore.Entry> expected = bruteForce(q, stored, 8);
            assertEquals(SemanticStore.ENGINE_LUA, s.engine());
            assertEquals(stored.size(), s.compared());
            assertFalse(s.truncated());
            assertEquals(expected.stream().map(e -> store.keyOf(e.question(), e.country())).toList(),
                    s.neighbours().stream().map(SemanticStore.Neighbour::key).toList(), "same ids, same order for " + question);
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(Vectors.cosineDistance(q, expected.get(i).vector()), s.neighbours().get(i).distance(), 1e-6);
                assertEquals(expected.get(i).question(), s.neighbours().get(i).question());
            }
        }
    }

    @Test
    void theCountryFilterOnlyComparesThatCountrysEntries() throws Exception {
        float[] q = embedder.embed("When does the next quest start?");
        SemanticStore.Search s = store.search(q, 5, "FR").get(10, TimeUnit.SECONDS);
        List<SemanticStore.Entry> fr = stored.stream().filter(e -> e.country().equals("FR")).toList();
        assertEquals(fr.size(), s.compared());
        assertTrue(s.neighbours().stream().allMatch(n -> n.country().equals("FR")));
        assertEquals(bruteForce(q, fr, 5).stream().map(SemanticStore.Entry::question).toList(),
                s.neighbours().stream().map(SemanticStore.Neighbour::question).toList());
    }

    @Test
    void theEntriesComeBackWithTheirVectorsBitForBit() throws Exception {
        List<SemanticStore.Stored> all = store.entries().get(10, TimeUnit.SECONDS);
        assertEquals(stored.size(), all.size());
        SemanticStore.Entry first = stored.get(0);
        SemanticStore.Stored read = all.stream().filter(e -> e.key().equals(store.keyOf(first.question(), first.country())))
                .findFirst().orElseThrow();
        assertArrayEquals(first.vector(), read.vector());
        assertEquals(first.group(), read.group());
    }

    @Test
    void aServerThatLostTheFunctionGetsItAgain() throws Exception {
        valkey.send(Commands.write(List.of(), "FUNCTION", "DELETE", store.function().library()));
        SemanticStore.Search s = store.search(embedder.embed("How do I join a guild?"), 1, "").get(10, TimeUnit.SECONDS);
        assertEquals("guild-join", s.neighbours().get(0).group());
    }

    @Test
    void everyKeyItWroteIsInsideTheNamespaceAndTheLibraryIsNamedAfterIt() {
        assertTrue(valkey.journal.snapshot().stream().filter(e -> e.args().get(0).equals("HSET"))
                .allMatch(e -> e.args().get(1).startsWith("vx:{sem}:q:")));
        assertEquals("vx_semantic", store.function().library());
    }

    static List<SemanticStore.Entry> bruteForce(float[] q, List<SemanticStore.Entry> entries, int k) {
        return entries.stream().sorted(Comparator.comparingDouble((SemanticStore.Entry e) -> Vectors.cosineDistance(q, e.vector())))
                .limit(k).toList();
    }
}
