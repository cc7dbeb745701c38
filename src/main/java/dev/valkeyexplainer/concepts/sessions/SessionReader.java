package dev.valkeyexplainer.concepts.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Reading the session back: both keys in one pipeline (what the tab shows, every second and after
 * every change), and a path asked of the document with the nodes its reply is made of.
 */
final class SessionReader {

    private final SessionStore store;

    SessionReader(SessionStore store) {
        this.store = store;
    }

    /** Both keys in one pipeline (one journal row): HGETALL, OBJECT ENCODING, MEMORY USAGE, the document, its MEMORY USAGE. */
    CompletableFuture<SessionsModel.Snapshot> read(String id) {
        return readOnce(id).exceptionallyCompose(e -> {
            if (!LuaJsonEngine.missing(e)) return CompletableFuture.failedFuture(e);
            store.forgetLibrary();
            return store.loadLibrary(new ArrayList<>()).thenCompose(x -> readOnce(id));
        });
    }

    private CompletableFuture<SessionsModel.Snapshot> readOnce(String id) {
        String hk = store.hashKey(id);
        String jk = store.jsonKey(id);
        JsonEngine eng = store.engine();
        List<List<String>> cmds = new ArrayList<>(List.of(List.of("HGETALL", hk), List.of("OBJECT", "ENCODING", hk),
                List.of("MEMORY", "USAGE", hk, "SAMPLES", "0"), eng.get(jk, null).args(), List.of("MEMORY", "USAGE", jk, "SAMPLES", "0")));
        if (eng.module()) cmds.add(List.of("JSON.DEBUG", "MEMORY", jk));
        String java = "client.exec(new Batch(false).hgetall(hk).objectEncoding(hk).customCommand(MEMORY USAGE hk)\n"
                + "    ." + (eng.module() ? "customCommand(JSON.GET jk)" : "fcall(\"vx_json_get\", jk)") + ".customCommand(MEMORY USAGE jk), false)";
        CompletableFuture<Void> ready = eng.module() || store.libraryLoaded() ? CompletableFuture.completedFuture(null)
                : store.loadLibrary(new ArrayList<>());
        return ready.thenCompose(x -> store.scope().worker("poller").batch(false, cmds, List.of(), java)).thenApply(r -> {
            for (Object o : r) if (o instanceof Throwable t && LuaJsonEngine.missing(t)) {
                throw new java.util.concurrent.CompletionException(t);
            }
            Map<String, String> fields = new LinkedHashMap<>();
            if (r[0] instanceof Map<?, ?> m) m.forEach((k, v) -> fields.put(String.valueOf(k), String.valueOf(v)));
            String text = r[3] instanceof Throwable || r[3] == null ? null : String.valueOf(r[3]);
            JsonNode doc = text == null ? null : JsonValues.parse(text).orElse(null);
            long moduleMemory = eng.module() && r.length > 5 ? SessionStore.number(r[5]) : -1;
            return new SessionsModel.Snapshot(id, new SessionsModel.HashState(hk, fields, r[1] instanceof String s ? s : "",
                    SessionStore.number(r[2])), new SessionsModel.JsonState(jk, text, doc, SessionStore.number(r[4]), moduleMemory), eng.label());
        });
    }

    /**
     * JSON.GET with a path, and the highlight: the document is read, the path run on it in the app
     * ({@link PathSelector}), and the nodes it selects are kept only when they are exactly the reply.
     */
    CompletableFuture<SessionStore.Done<SessionsModel.Query>> query(String id, String path) {
        String bad = SessionInput.pathProblem(path);
        if (bad != null) return CompletableFuture.failedFuture(new IllegalArgumentException(bad));
        String p = path.strip();
        List<ValkeyCall<?>> log = new ArrayList<>();
        String jk = store.jsonKey(id);
        ValkeyCall<String> whole = store.engine().get(jk, null);
        ValkeyCall<String> call = store.engine().get(jk, p);
        return store.sendJson(log, whole).thenCompose(docText -> {
            long t0 = System.nanoTime();
            return store.sendJson(log, call).handle((reply, e) -> {
                long micros = (System.nanoTime() - t0) / 1_000;
                JsonNode doc = docText == null ? null : JsonValues.parse(docText).orElse(null);
                PathSelection sel = doc == null ? null : PathSelector.select(doc, p);
                boolean agrees = e == null && sel != null && sel.agrees(reply);
                List<String> matches = agrees ? sel.matches().stream().map(PathSelection.Match::pointer).toList() : List.of();
                String err = e == null ? null : JournalFormat.errorMessage(e);
                boolean jsonPath = sel != null ? sel.jsonPath() : p.startsWith("$");
                return new SessionStore.Done<>(new SessionsModel.Query(p, jsonPath, e == null ? reply : null, err, matches, agrees,
                        hashNote(id, sel), micros), List.copyOf(log));
            });
        });
    }

    /** What a Hash can do for the same question: HGET of one top-level field, or nothing inside a field. */
    private String hashNote(String id, PathSelection sel) {
        if (sel == null || sel.matches().isEmpty()) return "";
        List<String> top = sel.matches().stream().map(PathSelection.Match::pointer).filter(ptr -> ptr.indexOf('/', 1) < 0).toList();
        if (top.size() == sel.matches().size() && top.size() <= 3 && !top.contains("")) {
            return "Hash: " + String.join("; ", top.stream().map(ptr -> "HGET " + store.hashKey(id) + " "
                    + ptr.substring(1).replace("~1", "/").replace("~0", "~")).toList()) + " reads the same top-level field"
                    + (top.size() == 1 ? "" : "s") + ".";
        }
        return "Hash: no command reaches inside a field: the app must HGET the inventory (or HGETALL), parse the text and filter"
                + " it itself.";
    }

}
