package dev.valkeyexplainer.concepts.semantic;

import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyCall;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import glide.api.commands.servermodules.FT;
import glide.api.models.GlideString;
import glide.api.models.commands.FT.FTCreateOptions;
import glide.api.models.commands.FT.FTSearchOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The valkey-search path, used only when the server lists the {@code search} module: an HNSW index on
 * the entries' prefix ({@code FT.CREATE … VECTOR HNSW … DISTANCE_METRIC COSINE TYPE FLOAT32 DIM 384},
 * with valkey-search's defaults M 16 and EF_CONSTRUCTION 200) and a KNN query
 * {@code *=>[KNN k @vec $q EF_RUNTIME n AS score]}, optionally behind {@code @country:{XX}}. The score
 * is a cosine distance; valkey-search has no range query yet, so the threshold is applied in the app.
 * (valkey-search docs: FT.CREATE, FT.SEARCH, "Vector fields".)
 */
final class VectorIndex {

    static final int M = 16;
    static final int EF_CONSTRUCTION = 200;
    static final int EF_RUNTIME = 10;

    record Result(List<SemanticStore.Neighbour> neighbours, ValkeyCall<?> call) {
    }

    private final ValkeyGateway.Scope valkey;
    private final String name;
    private final String prefix;
    private volatile boolean created;

    VectorIndex(ValkeyGateway.Scope valkey, String name, String prefix) {
        this.valkey = valkey;
        this.name = name;
        this.prefix = prefix;
    }

    /** FT.CREATE unless the index exists (FT.INFO answers). */
    CompletableFuture<Void> ensure() {
        if (created) return CompletableFuture.completedFuture(null);
        ValkeyCall<Map<String, Object>> info = new ValkeyCall<>(List.of("FT.INFO", name), List.of(),
                "FT.info(client, " + JournalFormat.javaString(name) + ")", h -> FT.info(h.glide(), name));
        return valkey.send(info).<Void>thenApply(x -> {
            created = true;
            return null;
        }).exceptionallyCompose(e -> valkey.send(create()).thenAccept(ok -> created = true));
    }

    private ValkeyCall<String> create() {
        List<String> args = List.of("FT.CREATE", name, "ON", "HASH", "PREFIX", "1", prefix, "SCHEMA", "vec", "VECTOR", "HNSW",
                "10", "TYPE", "FLOAT32", "DIM", Integer.toString(Embedder.DIM), "DISTANCE_METRIC", "COSINE", "M",
                Integer.toString(M), "EF_CONSTRUCTION", Integer.toString(EF_CONSTRUCTION), "country", "TAG");
        FTCreateOptions.FieldInfo[] schema = {
                new FTCreateOptions.FieldInfo("vec", FTCreateOptions.VectorFieldHnsw
                        .builder(FTCreateOptions.DistanceMetric.COSINE, Embedder.DIM)
                        .numberOfEdges(M).vectorsExaminedOnConstruction(EF_CONSTRUCTION).build()),
                new FTCreateOptions.FieldInfo("country", new FTCreateOptions.TagField())};
        FTCreateOptions options = FTCreateOptions.builder().dataType(FTCreateOptions.DataType.HASH)
                .prefixes(new String[]{prefix}).build();
        return new ValkeyCall<>(args, List.of(), CODE_CREATE.formatted(JournalFormat.javaString(name),
                JournalFormat.javaString(prefix)), h -> FT.create(h.glide(), name, schema, options));
    }

    /** The KNN query string, e.g. {@code @country:{DE}=>[KNN 5 @vec $q EF_RUNTIME 10 AS score]}. */
    static String query(int k, String country) {
        String filter = country == null || country.isEmpty() ? "*" : "@country:{" + country + "}";
        return String.format(Locale.ROOT, "%s=>[KNN %d @vec $q EF_RUNTIME %d AS score]", filter, k, EF_RUNTIME);
    }

    CompletableFuture<Result> knn(float[] vector, int k, String country) {
        String q = query(k, country);
        FTSearchOptions options = FTSearchOptions.builder()
                .params(Map.of(GlideString.of("q"), GlideString.of(Vectors.toBlob(vector))))
                .addReturnField("question").addReturnField("answer").addReturnField("country").addReturnField("group")
                .addReturnField("score").build();
        List<String> args = List.of("FT.SEARCH", name, q, "PARAMS", "2", "q", "<FLOAT32 × " + vector.length + ">",
                "RETURN", "5", "question", "answer", "country", "group", "score", "DIALECT", "2");
        ValkeyCall<Object[]> call = new ValkeyCall<>(args, List.of(), CODE_SEARCH.formatted(JournalFormat.javaString(name),
                JournalFormat.javaString(q)), h -> FT.search(h.glide(), GlideString.of(name), GlideString.of(q), options));
        return valkey.send(call).thenApply(reply -> new Result(parse(reply), call));
    }

    @SuppressWarnings("unchecked")
    static List<SemanticStore.Neighbour> parse(Object[] reply) {
        List<SemanticStore.Neighbour> out = new ArrayList<>();
        if (reply.length < 2 || !(reply[1] instanceof Map<?, ?> docs)) return out;
        for (Map.Entry<?, ?> d : docs.entrySet()) {
            Map<Object, Object> f = new java.util.HashMap<>();
            ((Map<Object, Object>) d.getValue()).forEach((k, v) -> f.put(SemanticStore.text(k), v));
            out.add(new SemanticStore.Neighbour(SemanticStore.text(d.getKey()), Double.parseDouble(SemanticStore.text(f.get("score"))),
                    SemanticStore.text(f.get("question")), SemanticStore.text(f.get("answer")),
                    SemanticStore.text(f.get("country")), SemanticStore.text(f.get("group"))));
        }
        out.sort(Comparator.comparingDouble(SemanticStore.Neighbour::distance));
        return out;
    }

    static final String CODE_CREATE = """
            FT.create(client, %s, new FieldInfo[]{
                new FieldInfo("vec", VectorFieldHnsw.builder(DistanceMetric.COSINE, 384)
                    .numberOfEdges(16).vectorsExaminedOnConstruction(200).build()),
                new FieldInfo("country", new TagField())},
              FTCreateOptions.builder().dataType(DataType.HASH)
                .prefixes(new String[]{%s}).build())""";

    static final String CODE_SEARCH = """
            FT.search(client, gs(%s), gs(%s),
              FTSearchOptions.builder()
                .params(Map.of(gs("q"), gs(Vectors.toBlob(query))))
                .addReturnField("question").addReturnField("answer")
                .addReturnField("score").build())""";
}
