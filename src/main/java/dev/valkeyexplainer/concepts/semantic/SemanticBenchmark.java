package dev.valkeyexplainer.concepts.semantic;

import dev.valkeyexplainer.valkey.CommandJournal;
import dev.valkeyexplainer.valkey.ManagedValkeyServer;
import dev.valkeyexplainer.valkey.Namespace;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Prints measured figures (no pass/fail) for the semantic cache: loading the model, then embedding one
 * question and searching 500 stored entries with the exact Lua KNN, p50 and p99 over many questions.
 * Starts its own sandbox server. Run after {@code mvn -DskipTests package}:
 * {@code java -cp "target/valkey-explainer.jar:target/lib/*" dev.valkeyexplainer.concepts.semantic.SemanticBenchmark [entries] [queries]}
 */
public final class SemanticBenchmark {

    private SemanticBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        long t0 = System.nanoTime();
        Embedder embedder = Embedder.load();
        System.out.printf(Locale.ROOT, "model load (first open of the tab): %,d ms (in this JVM: %,d ms with class loading)%n",
                embedder.loadMillis(), (System.nanoTime() - t0) / 1_000_000);
        try (ManagedValkeyServer server = ManagedValkeyServer.start();
             ValkeyGateway gateway = new ValkeyGateway(Namespace.DEFAULT, new CommandJournal())) {
            if (!gateway.connect(server.target()).get(15, TimeUnit.SECONDS).connected()) throw new IllegalStateException("no server");
            SemanticStore store = new SemanticStore(gateway.scope("semantic", "bench"), () -> false);
            Corpus corpus = Corpus.shipped();
            List<Corpus.Question> all = corpus.all();
            List<CompletableFuture<?>> puts = new ArrayList<>();
            for (int i = 0; i < entries; i++) {
                Corpus.Question q = all.get(i % all.size());
                String country = SemanticModel.COUNTRIES.get(i / all.size() % SemanticModel.COUNTRIES.size());
                puts.add(store.put(new SemanticStore.Entry(q.text(), "answer " + i, country, q.group(), "bench", 0,
                        embedder.embed(q.text()))));
            }
            CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            long[] embed = new long[queries];
            long[] search = new long[queries];
            long[] total = new long[queries];
            SemanticStore.Search last = null;
            for (int i = -20; i < queries; i++) { // 20 warm-up rounds
                String q = all.get(Math.floorMod(i * 7, all.size())).text() + " please";
                long a = System.nanoTime();
                float[] v = embedder.embed(q);
                long b = System.nanoTime();
                last = store.search(v, 5, "").get(10, TimeUnit.SECONDS);
                long c = System.nanoTime();
                if (i < 0) continue;
                embed[i] = b - a;
                search[i] = c - b;
                total[i] = c - a;
            }
            System.out.printf(Locale.ROOT, "%d questions against %d stored entries (%s, %d compared per search):%n", queries,
                    entries, last.engine(), last.compared());
            print("embed one question", embed);
            print("KNN search (FCALL round trip)", search);
            print("embed + search", total);
        }
    }

    private static void print(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "  %-32s p50 %7.2f ms   p99 %7.2f ms%n", what, s[s.length / 2] / 1e6,
                s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.99) - 1)] / 1e6);
    }
}
