package dev.valkeyexplainer.concepts.semantic;

import dev.valkeyexplainer.valkey.ValkeyCall;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The talk's flow, for real: embed the question (in the app), search Valkey for the nearest cached
 * question, and if it is close enough serve its stored answer (a hit); otherwise ask the answer model,
 * store question + vector + answer in Valkey, and return the answer (a miss).
 *
 * <p>Close enough: cosine similarity ≥ threshold, i.e. distance = 1 − similarity ≤ 1 − threshold.
 */
final class SemanticCache {

    /** What the user set: the similarity threshold, k, the player's country and whether to filter by it. */
    record Settings(double threshold, int k, String country, boolean filter) {
        double maxDistance() {
            return 1 - threshold;
        }
    }

    /**
     * One question through the cache.
     *
     * @param model the model's answer on a miss, null on a hit
     * @param calls the Valkey calls the lookup made, in order (for the code panel)
     */
    record Lookup(String question, float[] vector, SemanticStore.Search search, boolean hit, String answer, String servedBy,
                  long embedMicros, AnswerModel.Answer model, Settings settings, List<ValkeyCall<?>> calls) {
        SemanticStore.Neighbour nearest() {
            return search.neighbours().isEmpty() ? null : search.neighbours().get(0);
        }
    }

    /** Running totals of this session: hits, misses, and what the hits saved. */
    record Stats(int hits, int misses, long modelMillisSaved, double dollarsSaved, long modelCalls, long modelMillisTotal) {
        static final Stats NONE = new Stats(0, 0, 0, 0, 0, 0);
    }

    private final Embedder embedder;
    private final SemanticStore store;
    private final AnswerModel model;
    private final Corpus corpus;
    private final Executor blocking;
    private volatile Stats stats = Stats.NONE;
    private final AtomicLong lookups = new AtomicLong();

    SemanticCache(Embedder embedder, SemanticStore store, AnswerModel model, Corpus corpus, Executor blocking) {
        this.embedder = embedder;
        this.store = store;
        this.model = model;
        this.corpus = corpus;
        this.blocking = blocking;
    }

    AnswerModel model() {
        return model;
    }

    Stats stats() {
        return stats;
    }

    void resetStats() {
        stats = Stats.NONE;
    }

    /**
     * Runs one question through the cache. {@code progress} hears a short sentence per stage (any thread).
     * Fails with {@link IllegalArgumentException} for unusable text, and with the server's or the
     * model's message otherwise.
     */
    CompletableFuture<Lookup> ask(String question, Settings s, Consumer<String> progress) {
        lookups.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> {
            long t0 = System.nanoTime();
            float[] v = embedder.embed(question);
            return new Object[]{v, (System.nanoTime() - t0) / 1_000};
        }, blocking).thenCompose(e -> {
            float[] v = (float[]) e[0];
            long embedMicros = (long) e[1];
            progress.accept("Embedded in " + embedMicros / 1000.0 + " ms; searching Valkey…");
            return store.search(v, s.k(), s.filter() ? s.country() : "").thenCompose(search -> {
                SemanticStore.Neighbour best = search.neighbours().isEmpty() ? null : search.neighbours().get(0);
                List<ValkeyCall<?>> calls = new ArrayList<>(search.calls());
                if (best != null && best.distance() <= s.maxDistance() + 1e-9) {
                    record(true, question, best.answer(), null);
                    return CompletableFuture.completedFuture(new Lookup(question, v, search, true, best.answer(), best.key(),
                            embedMicros, null, s, List.copyOf(calls)));
                }
                progress.accept("A miss: asking the " + (model.simulated() ? "game master (stand-in)" : "answer model") + "…");
                return model.answer(question).thenCompose(a -> {
                    String group = corpus.groupOf(question).map(Corpus.Group::id).orElse("");
                    SemanticStore.Entry entry = new SemanticStore.Entry(question.strip(), a.text(), s.country(), group,
                            model.simulated() ? "game-master" : "external", a.tokens(), v);
                    return store.put(entry).thenApply(put -> {
                        calls.add(put);
                        record(false, question, a.text(), a);
                        return new Lookup(question, v, search, false, a.text(), model.label(), embedMicros, a, s, List.copyOf(calls));
                    });
                });
            });
        });
    }

    private synchronized void record(boolean hit, String question, String answer, AnswerModel.Answer a) {
        Stats t = stats;
        if (hit) {
            // what the model call would have cost: the mean measured model time, and the priced tokens of this Q&A
            long avg = t.modelCalls() == 0 ? 0 : t.modelMillisTotal() / t.modelCalls();
            double dollars = AnswerModel.cost(GameMaster.tokens(GameMaster.SYSTEM_PROMPT) + GameMaster.tokens(question),
                    GameMaster.tokens(answer));
            stats = new Stats(t.hits() + 1, t.misses(), t.modelMillisSaved() + avg, t.dollarsSaved() + dollars,
                    t.modelCalls(), t.modelMillisTotal());
        } else {
            stats = new Stats(t.hits(), t.misses() + 1, t.modelMillisSaved(), t.dollarsSaved(), t.modelCalls() + 1,
                    t.modelMillisTotal() + a.millis());
        }
    }

    /**
     * Caches the seed question of every paraphrase group (except {@code skipGroup}) with its answer, as
     * if asked before, round-robin over the countries. Completes with the number stored.
     */
    CompletableFuture<Integer> seed(List<String> countries, String skipGroup) {
        return CompletableFuture.supplyAsync(() -> {
            List<SemanticStore.Entry> entries = new ArrayList<>();
            int i = 0;
            for (Corpus.Group g : corpus.groups()) {
                if (g.id().equals(skipGroup)) continue;
                String q = g.seed();
                entries.add(new SemanticStore.Entry(q, g.answer(), countries.get(i++ % countries.size()), g.id(),
                        "seed", GameMaster.tokens(GameMaster.SYSTEM_PROMPT) + GameMaster.tokens(q) + GameMaster.tokens(g.answer()),
                        embedder.embed(q)));
            }
            return entries;
        }, blocking).thenCompose(entries -> {
            CompletableFuture<?>[] puts = entries.stream().map(store::put).toArray(CompletableFuture[]::new);
            return CompletableFuture.allOf(puts).thenApply(x -> entries.size());
        });
    }
}
