package dev.valkeyexplainer.concepts.semantic;

import dev.valkeyexplainer.concept.Snippet;
import dev.valkeyexplainer.valkey.ValkeyCall;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The code panel's text: the whole flow as the talk shows it (valkey-search's FT API, in Glide Java and
 * Glide Python), and after each question the calls that really ran, with the FT equivalent beside the
 * Lua fallback.
 */
final class SemanticCode {

    private SemanticCode() {
    }

    static final Snippet FLOW = Snippet.of("""
            // 1. embed the question in the app (all-MiniLM-L6-v2: 384 floats)
            float[] q = embedder.embed(question);
            // 2. the nearest cached question (valkey-search)
            Object[] r = FT.search(client, gs("vx:sem-idx"),
                gs("*=>[KNN 5 @vec $q EF_RUNTIME 10 AS score]"),
                FTSearchOptions.builder()
                    .params(Map.of(gs("q"), gs(Vectors.toBlob(q))))
                    .addReturnField("answer").addReturnField("score")
                    .build()).get();
            // 3. score is a distance: 1 - similarity
            if (nearestScore <= 1 - 0.70) return cachedAnswer;   // hit
            // 4. a miss: ask the model, cache question + vector + answer
            String answer = llm.answer(question);
            client.hset(gs(key), Map.of(gs("question"), gs(question),
                gs("answer"), gs(answer), gs("country"), gs("DE"),
                gs("vec"), gs(Vectors.toBlob(q)))).get();""", """
            # 1. embed the question in the app (all-MiniLM-L6-v2: 384 floats)
            q = model.encode(question)
            q_bytes = np.asarray(q, dtype="<f4").tobytes()
            # 2. the nearest cached question (valkey-search)
            r = await ft.search(client, "vx:sem-idx",
                "*=>[KNN 5 @vec $q EF_RUNTIME 10 AS score]",
                FtSearchOptions(params={"q": q_bytes},
                    return_fields=[ReturnField("answer"), ReturnField("score")]))
            # 3. score is a distance: 1 - similarity
            if nearest_score <= 1 - 0.70:
                return cached_answer              # hit
            # 4. a miss: ask the model, cache question + vector + answer
            answer = await llm.answer(question)
            await client.hset(key, {"question": question, "answer": answer,
                "country": "DE", "vec": q_bytes})""");

    /** What a lookup ran, in both languages; the blob placeholders of the journal become the real bytes. */
    static Snippet of(SemanticCache.Lookup l, boolean searchModule) {
        String j = "float[] query = embedder.embed(question);  // in the app, "
                + String.format(Locale.ROOT, "%.1f ms", l.embedMicros() / 1000.0) + "\n"
                + l.calls().stream().map(c -> c.glideJava() + ".get();").collect(Collectors.joining("\n"));
        String py = "q_bytes = np.asarray(model.encode(question), dtype=\"<f4\").tobytes()\n"
                + l.calls().stream().map(SemanticCode::python).collect(Collectors.joining("\n"));
        String verdict = String.format(Locale.ROOT, "nearest distance %s %.2f (1 - threshold): %s",
                l.hit() ? "<=" : ">", l.settings().maxDistance(), l.hit() ? "a hit, answer served from Valkey"
                        : "a miss, model asked, entry stored");
        j += "\n// " + verdict;
        py += "\n# " + verdict;
        if (!searchModule) {
            j += "\n// With valkey-search the search is one FT.search:\n// FT.search(client, gs(\"vx:sem-idx\"),"
                    + " gs(\"" + VectorIndex.query(l.settings().k(), l.settings().filter() ? l.settings().country() : "")
                    + "\"), options)";
            py += "\n# With valkey-search: await ft.search(client, \"vx:sem-idx\", \""
                    + VectorIndex.query(l.settings().k(), l.settings().filter() ? l.settings().country() : "") + "\", options)";
        }
        return Snippet.of(j, py);
    }

    private static String python(ValkeyCall<?> c) {
        return c.glidePython().replaceAll("\"<FLOAT32[^\"]*>\"", "q_bytes").replaceAll("'<FLOAT32[^']*>'", "q_bytes");
    }
}
