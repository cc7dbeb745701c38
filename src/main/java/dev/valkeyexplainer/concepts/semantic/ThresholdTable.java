package dev.valkeyexplainer.concepts.semantic;

import java.util.ArrayList;
import java.util.List;

/**
 * The table that published semantic-cache benchmarks give (hit ratio and the share of hits that were
 * right, per similarity threshold), measured on our corpus with our model. Protocol: the cache holds
 * each paraphrase group's seed question; every other question of the corpus is asked once (the other
 * paraphrases should hit their own group, the unrelated questions should miss); a probe hits when its
 * nearest cached question has cosine similarity ≥ the threshold (exact search, as the Lua function does).
 *
 * @param rows one row per threshold, highest threshold first
 */
public record ThresholdTable(List<Row> rows, int cached, int paraphraseProbes, int unrelatedProbes) {

    /** The thresholds of the table: 0.99 down to 0.50. */
    public static final double[] THRESHOLDS = {0.99, 0.95, 0.90, 0.85, 0.80, 0.75, 0.70, 0.65, 0.60, 0.55, 0.50};

    /**
     * @param hits        probes served from the cache
     * @param rightHits   hits whose cached question is in the probe's own paraphrase group
     * @param hitRatio    hits / all probes
     * @param precision   rightHits / hits (1 when there is no hit)
     * @param recall      rightHits / paraphrase probes: the share of paraphrases the cache served correctly
     * @param callsSaved  answer-model calls avoided per 1,000 questions = 1,000 × hitRatio
     * @param wrongServed wrong answers served per 1,000 questions = 1,000 × (hits − rightHits) / probes: the
     *                    price of those savings (a hit from another group, or an unrelated question served)
     */
    public record Row(double threshold, int hits, int rightHits, double hitRatio, double precision, double recall,
                      double callsSaved, double wrongServed) {
    }

    /** A question asked of the cache and its nearest cached entry. */
    record Probe(String group, String nearestGroup, double similarity) {
    }

    /** A vector with the paraphrase group it belongs to ({@code null}: unrelated). */
    public record Labelled(String group, float[] vector) {
    }

    /** Measures the table: {@code cache} holds the seeds, {@code probes} are asked against it. */
    public static ThresholdTable measure(List<Labelled> cache, List<Labelled> probes) {
        List<Probe> asked = new ArrayList<>();
        for (Labelled p : probes) {
            double best = -2;
            String bestGroup = null;
            for (Labelled c : cache) {
                double s = 1 - Vectors.cosineDistance(p.vector(), c.vector());
                if (s > best) {
                    best = s;
                    bestGroup = c.group();
                }
            }
            asked.add(new Probe(p.group(), bestGroup, best));
        }
        int paraphrases = (int) probes.stream().filter(p -> p.group() != null).count();
        List<Row> rows = new ArrayList<>();
        for (double t : THRESHOLDS) rows.add(row(t, asked, paraphrases));
        return new ThresholdTable(List.copyOf(rows), cache.size(), paraphrases, probes.size() - paraphrases);
    }

    static Row row(double threshold, List<Probe> asked, int paraphrases) {
        int hits = 0;
        int right = 0;
        for (Probe p : asked) {
            if (p.similarity() + 1e-9 < threshold) continue;
            hits++;
            if (p.group() != null && p.group().equals(p.nearestGroup())) right++;
        }
        double ratio = asked.isEmpty() ? 0 : (double) hits / asked.size();
        double wrong = asked.isEmpty() ? 0 : 1000.0 * (hits - right) / asked.size();
        return new Row(threshold, hits, right, ratio, hits == 0 ? 1 : (double) right / hits,
                paraphrases == 0 ? 0 : (double) right / paraphrases, 1000 * ratio, wrong);
    }

    /** The row of the given threshold (rounded to 0.01), or the nearest one. */
    public Row at(double threshold) {
        Row best = rows.get(0);
        for (Row r : rows) if (Math.abs(r.threshold() - threshold) < Math.abs(best.threshold() - threshold)) best = r;
        return best;
    }
}
