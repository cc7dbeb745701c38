package dev.valkeyexplainer.concepts.semantic;

import java.util.List;
import java.util.Random;

/**
 * Principal component analysis to two dimensions, computed in the app: the stored 384-dimensional
 * vectors are centred and projected onto the two directions of largest variance (found by power
 * iteration on the covariance, with deflation). Distances on the map are only a picture: the cache
 * decides with the cosine distance in 384 dimensions.
 *
 * @param mean the mean vector the projection subtracts
 * @param pc1  the first principal direction (unit length)
 * @param pc2  the second, orthogonal to the first
 * @param explained share of the total variance each axis carries, {pc1, pc2}
 */
public record Projection(double[] mean, double[] pc1, double[] pc2, double[] explained) {

    /** Fits the projection to the vectors; fewer than 3 vectors give the first two coordinate axes. */
    public static Projection fit(List<float[]> vectors, int dim) {
        double[] mean = new double[dim];
        for (float[] v : vectors) for (int i = 0; i < dim; i++) mean[i] += v[i];
        for (int i = 0; i < dim; i++) mean[i] /= Math.max(1, vectors.size());
        if (vectors.size() < 3) {
            double[] a = new double[dim];
            double[] b = new double[dim];
            a[0] = 1;
            b[1] = 1;
            return new Projection(mean, a, b, new double[]{0, 0});
        }
        double[][] x = new double[vectors.size()][dim];
        double total = 0;
        for (int r = 0; r < x.length; r++) {
            for (int i = 0; i < dim; i++) {
                x[r][i] = vectors.get(r)[i] - mean[i];
                total += x[r][i] * x[r][i];
            }
        }
        double[] pc1 = powerIteration(x, null, dim);
        double[] pc2 = powerIteration(x, pc1, dim);
        double v1 = variance(x, pc1);
        double v2 = variance(x, pc2);
        return new Projection(mean, pc1, pc2, new double[]{total == 0 ? 0 : v1 / total, total == 0 ? 0 : v2 / total});
    }

    /** The 2-D point of a vector: its coordinates along pc1 and pc2 after centring. */
    public double[] project(float[] v) {
        double a = 0;
        double b = 0;
        for (int i = 0; i < mean.length; i++) {
            double c = v[i] - mean[i];
            a += c * pc1[i];
            b += c * pc2[i];
        }
        return new double[]{a, b};
    }

    /** The leading eigenvector of XᵀX, orthogonal to {@code against} when given (deflation). */
    private static double[] powerIteration(double[][] x, double[] against, int dim) {
        double[] v = new double[dim];
        Random r = new Random(7); // fixed seed: the same map for the same data
        for (int i = 0; i < dim; i++) v[i] = r.nextGaussian();
        for (int it = 0; it < 200; it++) {
            if (against != null) orthogonalise(v, against);
            normalise(v);
            double[] next = new double[dim];
            for (double[] row : x) {
                double s = 0;
                for (int i = 0; i < dim; i++) s += row[i] * v[i];
                for (int i = 0; i < dim; i++) next[i] += s * row[i];
            }
            if (against != null) orthogonalise(next, against);
            normalise(next);
            double change = 0;
            for (int i = 0; i < dim; i++) change += Math.abs(next[i] - v[i]);
            v = next;
            if (change < 1e-9) break;
        }
        return v;
    }

    private static void orthogonalise(double[] v, double[] u) {
        double d = 0;
        for (int i = 0; i < v.length; i++) d += v[i] * u[i];
        for (int i = 0; i < v.length; i++) v[i] -= d * u[i];
    }

    private static void normalise(double[] v) {
        double n = 0;
        for (double d : v) n += d * d;
        n = Math.sqrt(n);
        if (n == 0) return;
        for (int i = 0; i < v.length; i++) v[i] /= n;
    }

    private static double variance(double[][] x, double[] dir) {
        double s = 0;
        for (double[] row : x) {
            double p = 0;
            for (int i = 0; i < dir.length; i++) p += row[i] * dir[i];
            s += p * p;
        }
        return s;
    }
}
