package dev.valkeyexplainer.concepts.semantic;

import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyCall;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import glide.api.models.GlideString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * The semantic cache as Valkey holds it, as in the talk: one Hash per cached question,
 * {@code <ns>{sem}:q:<id>} with the fields question, answer, country (the TAG the filter uses), the
 * answer model, its token count, group (the corpus label, for measuring only) and vec (the 384 floats
 * as a little-endian FLOAT32 blob). The hash tag {@code {sem}} keeps every entry in one cluster slot
 * so the Lua fallback sees them all on one node.
 *
 * <p>Search: with valkey-search, {@code FT.SEARCH} over an HNSW index (see {@link VectorIndex});
 * without it, the exact {@link KnnFunction}. Both report cosine distance (1 − similarity).
 */
final class SemanticStore {

    /** A cached question to write. */
    record Entry(String question, String answer, String country, String group, String model, int tokens, float[] vector) {
    }

    /** One search hit: the cached entry and its cosine distance to the query. */
    record Neighbour(String key, double distance, String question, String answer, String country, String group) {
        double similarity() {
            return 1 - distance;
        }
    }

    /**
     * One KNN search as the server answered it.
     *
     * @param scanned   keys the Lua pass looked at (−1 for valkey-search, which walks its graph instead)
     * @param compared  vectors compared (after the country filter), −1 for valkey-search
     * @param truncated the Lua pass stopped at {@link KnnFunction#MAX_SCANNED} keys
     * @param engine    what searched: "valkey-search HNSW" or "exact search in Lua"
     */
    record Search(List<Neighbour> neighbours, long scanned, long compared, boolean truncated, String engine, long micros,
                  List<ValkeyCall<?>> calls) {
    }

    /** A stored entry as read back for the map. */
    record Stored(String key, String question, String group, String country, float[] vector) {
    }

    static final String ENGINE_LUA = "exact search in Lua";
    static final String ENGINE_SEARCH = "valkey-search HNSW";
    static final int MAX_ENTRIES_READ = 2_000;

    private final ValkeyGateway.Scope valkey;
    private final KnnFunction function;
    private final VectorIndex index;
    private final BooleanSupplier hasSearch;
    private final String prefix;
    private final String routeKey;
    private volatile boolean functionLoaded;

    SemanticStore(ValkeyGateway.Scope valkey, BooleanSupplier hasSearch) {
        this.valkey = valkey;
        this.hasSearch = hasSearch;
        this.prefix = valkey.key("{sem}:q:");
        this.routeKey = valkey.key("{sem}:route");
        this.function = new KnnFunction(valkey.gateway().namespace());
        this.index = new VectorIndex(valkey, valkey.key("sem-idx"), prefix);
    }

    String prefix() {
        return prefix;
    }

    KnnFunction function() {
        return function;
    }

    boolean usesSearchModule() {
        return hasSearch.getAsBoolean();
    }

    /** The key of a question: a short SHA-1 of the question and country, so asking again overwrites it. */
    String keyOf(String question, String country) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest((Corpus.normalise(question) + "|" + country)
                    .getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HSET of one entry (the vector as bytes). Completes with the call, for the code panel. */
    CompletableFuture<ValkeyCall<Long>> put(Entry e) {
        String key = keyOf(e.question(), e.country());
        Map<GlideString, GlideString> fields = new LinkedHashMap<>();
        List<String> args = new ArrayList<>(List.of("HSET", key));
        addField(fields, args, "question", e.question());
        addField(fields, args, "answer", e.answer());
        addField(fields, args, "country", e.country());
        addField(fields, args, "group", e.group() == null ? "" : e.group());
        addField(fields, args, "model", e.model());
        addField(fields, args, "tokens", Integer.toString(e.tokens()));
        fields.put(GlideString.of("vec"), GlideString.of(Vectors.toBlob(e.vector())));
        args.add("vec");
        args.add("<FLOAT32 × " + e.vector().length + ", " + 4 * e.vector().length + " bytes>");
        // the Java shown names every field the server gets, in the order sent (as the Python does)
        ValkeyCall<Long> call = new ValkeyCall<>(args, List.of(key), "client.hset(gs(" + JournalFormat.javaString(key)
                + "), Map.of(\n    gs(\"question\"), gs(question), gs(\"answer\"), gs(answer),\n    gs(\"country\"), gs("
                + JournalFormat.javaString(e.country()) + "), gs(\"group\"), gs(" + JournalFormat.javaString(
                e.group() == null ? "" : e.group()) + "),\n    gs(\"model\"), gs(" + JournalFormat.javaString(e.model())
                + "), gs(\"tokens\"), gs(\"" + e.tokens() + "\"),\n    gs(\"vec\"), gs(Vectors.toBlob(query))))",
                h -> h.glide().hset(GlideString.of(key), fields));
        CompletableFuture<Void> ready = usesSearchModule() ? index.ensure() : CompletableFuture.completedFuture(null);
        return ready.thenCompose(x -> valkey.send(call)).thenApply(n -> call);
    }

    private static void addField(Map<GlideString, GlideString> fields, List<String> args, String name, String value) {
        fields.put(GlideString.of(name), GlideString.of(value));
        args.add(name);
        args.add(value);
    }

    /** The k nearest cached questions, optionally only those of one country ({@code ""}: all). */
    CompletableFuture<Search> search(float[] query, int k, String country) {
        long t0 = System.nanoTime();
        if (usesSearchModule()) {
            return index.ensure().thenCompose(x -> index.knn(query, k, country)).thenApply(r -> new Search(r.neighbours(),
                    -1, -1, false, ENGINE_SEARCH, (System.nanoTime() - t0) / 1_000, List.of(r.call())));
        }
        return withFunction(() -> {
            ValkeyCall<Object> call = function.knn(routeKey, prefix, k, query, country);
            return valkey.send(call).thenApply(reply -> parseKnn(reply, t0, call));
        });
    }

    /** Every stored entry (for the 2-D map), read with the entries function. */
    CompletableFuture<List<Stored>> entries() {
        return withFunction(() -> valkey.send(function.entries(routeKey, prefix, MAX_ENTRIES_READ)).thenApply(SemanticStore::parseEntries));
    }

    /** Deletes every entry (SCAN MATCH + UNLINK of the prefix only). */
    CompletableFuture<Long> clear() {
        return valkey.gateway().deleteByPrefix(valkey.conceptId(), valkey.connection(), prefix);
    }

    /** Loads the function once; when the server has lost it (restart, FUNCTION FLUSH), loads it again and retries once. */
    private <T> CompletableFuture<T> withFunction(java.util.function.Supplier<CompletableFuture<T>> work) {
        CompletableFuture<Void> ready = functionLoaded ? CompletableFuture.completedFuture(null) : loadFunction();
        return ready.thenCompose(x -> work.get()).exceptionallyCompose(e -> {
            if (!KnnFunction.missing(e)) return CompletableFuture.failedFuture(e);
            functionLoaded = false;
            return loadFunction().thenCompose(x -> work.get());
        });
    }

    CompletableFuture<Void> loadFunction() {
        return valkey.send(function.load()).thenAccept(name -> functionLoaded = true);
    }

    static Search parseKnn(Object reply, long t0, ValkeyCall<?> call) {
        Object[] r = (Object[]) reply;
        List<Neighbour> out = new ArrayList<>();
        for (Object o : (Object[]) r[3]) {
            Object[] e = (Object[]) o;
            out.add(new Neighbour(text(e[0]), Double.parseDouble(text(e[1])), text(e[2]), text(e[3]), text(e[4]), text(e[5])));
        }
        return new Search(List.copyOf(out), ((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue() != 0, ENGINE_LUA, (System.nanoTime() - t0) / 1_000, List.of(call));
    }

    static List<Stored> parseEntries(Object reply) {
        List<Stored> out = new ArrayList<>();
        for (Object o : (Object[]) reply) {
            Object[] e = (Object[]) o;
            byte[] blob = bytes(e[4]);
            if (blob.length != 4 * Embedder.DIM) continue; // not one of ours
            out.add(new Stored(text(e[0]), text(e[1]), text(e[2]), text(e[3]), Vectors.fromBlob(blob)));
        }
        return List.copyOf(out);
    }

    static String text(Object o) {
        if (o == null) return "";
        if (o instanceof GlideString g) return g.toString();
        if (o instanceof byte[] b) return new String(b, StandardCharsets.UTF_8);
        return String.valueOf(o);
    }

    static byte[] bytes(Object o) {
        if (o instanceof GlideString g) return g.getBytes();
        if (o instanceof byte[] b) return b;
        return o == null ? new byte[0] : String.valueOf(o).getBytes(StandardCharsets.ISO_8859_1);
    }
}
