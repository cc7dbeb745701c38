package dev.valkeyexplainer.concepts.semantic;

import com.github.jelmerk.knn.DistanceFunctions;
import com.github.jelmerk.knn.Item;
import com.github.jelmerk.knn.SearchResult;
import com.github.jelmerk.knn.hnsw.HnswIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Recall@k of an HNSW index against exact search, per EF_RUNTIME, measured in the app with
 * {@code com.github.jelmerk:hnswlib-core} (a Java port of the hnswlib algorithm that valkey-search's
 * vector index is also based on). Not the server's index: the sandbox has no valkey-search, so this is
 * labelled "HNSW in the app". Parameters mirror valkey-search's defaults: M 16, EF_CONSTRUCTION 200,
 * and a query searches with max(EF_RUNTIME, k) candidates (valkey-search docs, FT.CREATE / FT.SEARCH).
 *
 * @param points one point per EF_RUNTIME value, in the order asked
 */
public record RecallExperiment(int indexed, int queries, int k, int m, int efConstruction, List<Point> points) {

    /** recall = mean over queries of |HNSW top-k ∩ exact top-k| / k; {@code micros} = mean query time. */
    public record Point(int efRuntime, double recall, double micros) {
    }

    /** The EF_RUNTIME values the tab charts (valkey-search's default is 10). */
    public static final int[] EF_RUNTIMES = {1, 2, 5, 10, 20, 50, 100, 200};

    record Entry(String id, float[] vector) implements Item<String, float[]> {
        @Override
        public int dimensions() {
            return vector.length;
        }
    }

    /**
     * Builds an HNSW index over {@code indexed} and asks each of {@code queries} for its k nearest,
     * at each EF_RUNTIME, comparing with an exact scan.
     */
    public static RecallExperiment measure(List<float[]> indexed, List<float[]> queries, int k, int m, int efConstruction,
                                           int[] efRuntimes) {
        int dim = indexed.get(0).length;
        HnswIndex<String, float[], Entry, Float> index = HnswIndex
                .newBuilder(dim, DistanceFunctions.FLOAT_COSINE_DISTANCE, indexed.size())
                .withM(m).withEfConstruction(efConstruction).withEf(efRuntimes[0]).build();
        for (int i = 0; i < indexed.size(); i++) index.add(new Entry(Integer.toString(i), indexed.get(i)));
        List<Set<String>> exact = new ArrayList<>();
        for (float[] q : queries) exact.add(exactTopK(indexed, q, k));
        List<Point> points = new ArrayList<>();
        for (int ef : efRuntimes) {
            index.setEf(ef);
            double found = 0;
            long t0 = System.nanoTime();
            for (int qi = 0; qi < queries.size(); qi++) {
                List<SearchResult<Entry, Float>> r = index.findNearest(queries.get(qi), k);
                Set<String> truth = exact.get(qi);
                for (SearchResult<Entry, Float> s : r) if (truth.contains(s.item().id())) found++;
            }
            double micros = (System.nanoTime() - t0) / 1_000.0 / Math.max(1, queries.size());
            points.add(new Point(ef, found / ((double) k * queries.size()), micros));
        }
        return new RecallExperiment(indexed.size(), queries.size(), k, m, efConstruction, List.copyOf(points));
    }

    static Set<String> exactTopK(List<float[]> indexed, float[] q, int k) {
        double[] d = new double[indexed.size()];
        for (int i = 0; i < d.length; i++) d[i] = Vectors.cosineDistance(q, indexed.get(i));
        Set<String> top = new HashSet<>();
        IntStream.range(0, d.length).boxed().sorted(Comparator.comparingDouble(i -> d[i])).limit(k)
                .forEach(i -> top.add(Integer.toString(i)));
        return top;
    }

    public Point at(int efRuntime) {
        return points.stream().filter(p -> p.efRuntime() == efRuntime).findFirst().orElseThrow();
    }
}
