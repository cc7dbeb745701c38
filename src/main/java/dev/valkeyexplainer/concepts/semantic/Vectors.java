package dev.valkeyexplainer.concepts.semantic;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Vectors as Valkey stores them: a Hash field holding the floats as a little-endian FLOAT32 blob (4
 * bytes per dimension), the format valkey-search reads for {@code TYPE FLOAT32} and expects for the
 * query's {@code $vec} parameter (valkey-search docs, "Vector fields"). Also the cosine distance that
 * {@code DISTANCE_METRIC COSINE} reports: 1 − cos(a, b), so 0 is identical and smaller is closer.
 */
public final class Vectors {

    private Vectors() {
    }

    /** {@code v} as little-endian FLOAT32 bytes: {@code 4 × v.length} bytes. */
    public static byte[] toBlob(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) b.putFloat(f);
        return b.array();
    }

    /** The floats of a little-endian FLOAT32 blob; fails when its length is not a multiple of 4. */
    public static float[] fromBlob(byte[] blob) {
        if (blob.length % 4 != 0) throw new IllegalArgumentException("a FLOAT32 blob has 4 bytes per value, not " + blob.length);
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[blob.length / 4];
        for (int i = 0; i < v.length; i++) v[i] = b.getFloat();
        return v;
    }

    /** Cosine distance 1 − a·b / (|a| |b|), in [0, 2]; 1 for a zero vector. Computed in double. */
    public static double cosineDistance(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        if (na == 0 || nb == 0) return 1;
        return 1 - dot / Math.sqrt(na * nb);
    }
}
