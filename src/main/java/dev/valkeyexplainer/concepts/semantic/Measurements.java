package dev.valkeyexplainer.concepts.semantic;

import java.util.ArrayList;
import java.util.List;

/**
 * The two measurements the tab shows, taken on the shipped corpus with the local model (not quoted
 * from anywhere): the threshold table ({@link ThresholdTable}) and recall@10 vs EF_RUNTIME of an HNSW
 * index built in the app ({@link RecallExperiment}: every fourth corpus question is a query, the
 * rest are indexed).
 *
 * @param embedMillis time to embed the whole corpus once
 */
record Measurements(ThresholdTable table, RecallExperiment recall, int questions, long embedMillis, long totalMillis) {

    static final int K = 10;

    /** Embeds the corpus once (blocking: call it on the blocking executor) and measures both. */
    static Measurements run(Embedder embedder, Corpus corpus) {
        long t0 = System.nanoTime();
        List<Corpus.Question> all = corpus.all();
        List<float[]> vectors = new ArrayList<>();
        for (Corpus.Question q : all) vectors.add(embedder.embedTrusted(q.text()));
        long embedMillis = (System.nanoTime() - t0) / 1_000_000;
        return of(corpus, all, vectors, embedMillis, t0);
    }

    /** The same from vectors embedded already ({@code vectors.get(i)} belongs to {@code all.get(i)}). */
    static Measurements of(Corpus corpus, List<Corpus.Question> all, List<float[]> vectors, long embedMillis, long t0) {
        List<ThresholdTable.Labelled> cache = new ArrayList<>();
        List<ThresholdTable.Labelled> probes = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Corpus.Question q = all.get(i);
            boolean seed = q.group() != null && corpus.group(q.group()).orElseThrow().seed().equals(q.text());
            (seed ? cache : probes).add(new ThresholdTable.Labelled(q.group(), vectors.get(i)));
        }
        ThresholdTable table = ThresholdTable.measure(cache, probes);
        List<float[]> indexed = new ArrayList<>();
        List<float[]> queries = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) (i % 4 == 0 ? queries : indexed).add(vectors.get(i));
        RecallExperiment recall = RecallExperiment.measure(indexed, queries, K, VectorIndex.M, VectorIndex.EF_CONSTRUCTION,
                RecallExperiment.EF_RUNTIMES);
        return new Measurements(table, recall, all.size(), embedMillis, (System.nanoTime() - t0) / 1_000_000);
    }
}
