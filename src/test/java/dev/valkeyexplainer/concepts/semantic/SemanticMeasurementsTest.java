package dev.valkeyexplainer.concepts.semantic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model and the measurements on the shipped corpus. The corpus is embedded once for the class
 * (about half a second); the floors below are what we measured with all-MiniLM-L6-v2 (quantized) on
 * this corpus, lowered a little so that a legitimate edit of the corpus does not break them, but far
 * above what a broken pipeline gives (random vectors give about 1/35 right hits).
 */
class SemanticMeasurementsTest {

    private static Embedder embedder;
    private static Corpus corpus;
    private static Measurements measured;

    @BeforeAll
    static void embedTheCorpusOnce() {
        embedder = Embedder.load();
        corpus = Corpus.shipped();
        List<Corpus.Question> all = corpus.all();
        List<float[]> vectors = new ArrayList<>();
        for (Corpus.Question q : all) vectors.add(embedder.embed(q.text()));
        measured = Measurements.of(corpus, all, vectors, 0, System.nanoTime());
    }

    @Test
    void theModelLoadsOfflineAndEmbedsDeterministicallyToUnitVectors() {
        float[] a = embedder.embed("When does the next quest start?");
        float[] b = embedder.embed("When does the next quest start?");
        assertEquals(Embedder.DIM, a.length);
        assertArrayEquals(a, b);
        double n = 0;
        for (float f : a) n += f * f;
        assertEquals(1.0, Math.sqrt(n), 1e-4);
        assertTrue(embedder.loadMillis() > 0);
    }

    @Test
    void theTalksParaphraseIsWithinTheDefaultThresholdAndAnUnrelatedQuestionIsNot() {
        float[] cached = embedder.embed(SemanticConcept.TALK_FIRST);
        double paraphrase = 1 - Vectors.cosineDistance(cached, embedder.embed(SemanticConcept.TALK_SECOND));
        double unrelated = 1 - Vectors.cosineDistance(cached, embedder.embed("What is the capital of France?"));
        assertTrue(paraphrase >= SemanticModel.DEFAULT_THRESHOLD, "paraphrase similarity " + paraphrase);
        assertTrue(unrelated < SemanticModel.DEFAULT_THRESHOLD - SemanticModel.BAND, "unrelated similarity " + unrelated);
    }

    @Test
    void atTheDefaultThresholdHitsAreRightAndManyParaphrasesAreServed() {
        // measured: 0.70 → 77 hits, 75 right (97.4 %), 41.2 % of 182 paraphrases served, no unrelated question served
        ThresholdTable.Row row = measured.table().at(SemanticModel.DEFAULT_THRESHOLD);
        assertTrue(row.precision() >= 0.93, "precision " + row.precision());
        assertTrue(row.recall() >= 0.33, "recall " + row.recall());
        assertEquals(corpus.groups().size(), measured.table().cached());
        assertEquals(corpus.unrelated().size(), measured.table().unrelatedProbes());
    }

    @Test
    void aLowerThresholdServesMoreAndNeverFewer() {
        List<ThresholdTable.Row> rows = measured.table().rows();
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i).hits() >= rows.get(i - 1).hits(), "hits grow as the threshold falls");
        }
        assertEquals(0, measured.table().at(0.99).hits(), "no two different questions are 0.99 alike");
    }

    @Test
    void hnswRecallRisesWithEfRuntimeAndIsNearOneAtTwoHundred() {
        List<RecallExperiment.Point> pts = measured.recall().points();
        for (int i = 1; i < pts.size(); i++) {
            assertTrue(pts.get(i).recall() >= pts.get(i - 1).recall() - 1e-9, "recall does not fall as EF_RUNTIME grows");
        }
        assertTrue(measured.recall().at(200).recall() >= 0.99, "recall at 200: " + measured.recall().at(200).recall());
        // below k, a search still looks at k candidates (max(EF_RUNTIME, k)): the same recall at 1 and at 10
        assertEquals(measured.recall().at(1).recall(), measured.recall().at(10).recall(), 1e-12);
    }

    @Test
    void badInputGetsAClearMessage() {
        assertEquals("Type a question first.", Embedder.problem("   ").orElseThrow());
        assertTrue(Embedder.problem("x".repeat(10_000)).orElseThrow().contains("10,000 characters"));
        assertTrue(Embedder.problem("🐉🐉🐉").orElseThrow().startsWith("Ask with words"));
        assertTrue(Embedder.problem("How do I join a guild?").isEmpty());
    }

    @Test
    void theGameMasterAnswersFromTheGamesDataAndRefusesTheRest() throws Exception {
        GameMaster gm = new GameMaster(corpus, 0);
        AnswerModel.Answer a = gm.answer("when is the next quest starting").get();
        assertEquals(corpus.group("quest-start").orElseThrow().answer(), a.text());
        assertTrue(a.promptTokens() > 0 && a.completionTokens() > 0);
        assertTrue(gm.answer("What is the capital of France?").get().text().startsWith("I am the game master"));
    }

    @Test
    void theProjectionsFirstAxisCarriesTheMostVariance() {
        // PCA: the first principal direction carries at least as much variance as the second
        List<float[]> seeds = corpus.groups().stream().map(g -> embedder.embed(g.seed())).toList();
        Projection p = Projection.fit(seeds, Embedder.DIM);
        assertTrue(p.explained()[0] >= p.explained()[1] && p.explained()[1] > 0);
    }

    @Test
    void aChatEndpointErrorBecomesASentence() {
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> ChatEndpoint.parse(401, "{\"error\":{\"message\":\"bad key\"}}", 5));
        assertTrue(e.getMessage().contains("HTTP 401") && e.getMessage().contains("bad key"));
        assertEquals("hi", ChatEndpoint.parse(200, "{\"choices\":[{\"message\":{\"content\":\"hi\"}}],"
                + "\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":1}}", 5).text());
    }
}
