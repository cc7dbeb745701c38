package dev.valkeyexplainer.concepts.semantic;

import dev.valkeyexplainer.concept.ScreenshotStep;
import dev.valkeyexplainer.concept.TalkStep;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The talk's walk-through as steps that drive the real controls against the real server: fill the
 * cache, a miss, its paraphrase hits, the threshold moved, the country filter, the measurements. The
 * same steps make the screenshots, whose captions carry the figures measured while they ran.
 */
final class SemanticScenario {

    private SemanticScenario() {
    }

    /** Back to the defaults, then the seeds of every group but the talk's quest question. */
    static CompletableFuture<Integer> fill(SemanticConcept c) {
        return c.onFx(() -> {
            c.controls().showMode(false);
            c.controls().setThreshold(SemanticModel.DEFAULT_THRESHOLD);
            c.controls().setCountry("DE", false);
            c.model().clearLookup();
            return c.seedCache("quest-start");
        });
    }

    static CompletableFuture<SemanticCache.Lookup> ask(SemanticConcept c, String question) {
        return c.onFx(() -> {
            c.controls().showMode(false);
            c.controls().setQuestion(question);
            return c.askAndShow(question);
        });
    }

    static CompletableFuture<Void> threshold(SemanticConcept c, double t) {
        return c.onFx(() -> {
            c.controls().showMode(false);
            c.controls().setThreshold(t);
            return CompletableFuture.completedFuture(null);
        });
    }

    static CompletableFuture<SemanticCache.Lookup> filtered(SemanticConcept c, String country, String question) {
        return c.onFx(() -> {
            c.controls().setThreshold(SemanticModel.DEFAULT_THRESHOLD);
            c.controls().setCountry(country, true);
            return CompletableFuture.completedFuture(null);
        }).thenCompose(x -> ask(c, question));
    }

    static List<TalkStep> talkSteps(SemanticConcept c) {
        return List.of(
                new TalkStep("Fill the cache", "The embedding model runs inside the app. Each stored question becomes"
                        + " one Hash: question, answer, country and the 384-number vector as FLOAT32 bytes. The map is"
                        + " a 2-D picture of those vectors: paraphrases land close together.", () -> fill(c)),
                new TalkStep("A miss", "The talk's first question. Nothing cached is close enough, so the stand-in model"
                        + " answers, slowly and for tokens, and the answer is stored with its vector.",
                        () -> ask(c, SemanticConcept.TALK_FIRST)),
                new TalkStep("The paraphrase hits", "Different words, same meaning: the nearest cached question is the"
                        + " one we just stored, within the threshold. The answer comes from Valkey, no model call.",
                        () -> ask(c, SemanticConcept.TALK_SECOND)),
                new TalkStep("Move the threshold", "The score is a distance, 1 minus similarity. Raise the bar to 0.80"
                        + " and the same neighbour no longer counts: the bars turn red. Between serve and miss is a band"
                        + " where a real system would verify.", () -> threshold(c, 0.80)),
                new TalkStep("Filter by country", "A TAG filter runs inside the search: a player in the US only gets"
                        + " answers cached for the US. Event times differ per region, so the paraphrase now misses.",
                        () -> filtered(c, "US", SemanticConcept.TALK_SECOND)),
                new TalkStep("Measured, not quoted", "How good is the threshold? On our corpus: hit ratio and the share"
                        + " of right hits per threshold, and recall of an HNSW index against EF_RUNTIME.",
                        () -> c.onFx(c::runMeasurements)));
    }

    static List<ScreenshotStep> screenshotSteps(SemanticConcept c) {
        return List.of(
                new ScreenshotStep("semantic-miss-hit", () -> fill(c).thenCompose(n -> ask(c, SemanticConcept.TALK_FIRST)
                        .thenCompose(miss -> ask(c, SemanticConcept.TALK_SECOND).thenApply(hit -> missHit(c, n, miss, hit))))),
                new ScreenshotStep("semantic-threshold", () -> threshold(c, 0.80).thenApply(x -> {
                    SemanticCache.Lookup l = c.model().lookup();
                    return String.format(Locale.ROOT, "Semantic cache, the threshold raised to 0.80: the nearest neighbour at"
                                    + " similarity %.3f is re-classified as %s without a new query; the bars show distance ≤ 0.20"
                                    + " served and the verify band 0.20–0.25.", l.nearest().similarity(),
                            c.model().currentVerdict().name().toLowerCase(Locale.ROOT));
                })),
                new ScreenshotStep("semantic-measure", () -> c.onFx(c::runMeasurements).thenApply(m -> {
                    ThresholdTable.Row a = m.table().at(0.70);
                    ThresholdTable.Row b = m.table().at(0.80);
                    RecallExperiment r = m.recall();
                    return String.format(Locale.ROOT, "Semantic cache, measured on the shipped corpus (%d questions, local"
                                    + " model): at similarity ≥ 0.70 %.1f %% hits, %.1f %% of them right, %.1f %% of paraphrases"
                                    + " served; at ≥ 0.80 %.1f %% hits, %.1f %% right. HNSW in the app: recall@10 %.3f at"
                                    + " EF_RUNTIME 10, %.3f at 200.", m.questions(), 100 * a.hitRatio(), 100 * a.precision(),
                            100 * a.recall(), 100 * b.hitRatio(), 100 * b.precision(), r.at(10).recall(), r.at(200).recall());
                })));
    }

    private static String missHit(SemanticConcept c, int seeded, SemanticCache.Lookup miss, SemanticCache.Lookup hit) {
        return String.format(Locale.ROOT, "Semantic cache, a miss then a hit: %d seeds cached; \"%s\" missed (nearest at"
                        + " similarity %.3f < %.2f), the game master stand-in answered in %,d ms and the entry was stored; \"%s\""
                        + " then hit at similarity %.3f (distance %.3f): embedding %.1f ms, %s over %d entries %.1f ms. %s",
                seeded, miss.question(), miss.nearest() == null ? 0 : miss.nearest().similarity(), miss.settings().threshold(),
                miss.model().millis(), hit.question(), hit.nearest().similarity(), hit.nearest().distance(),
                hit.embedMicros() / 1000.0, hit.search().engine(), hit.search().compared(), hit.search().micros() / 1000.0,
                c.model().modelNote());
    }
}
