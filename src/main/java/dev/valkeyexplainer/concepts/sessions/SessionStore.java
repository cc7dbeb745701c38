package dev.valkeyexplainer.concepts.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyCall;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One player session stored twice, as the talk compares them: a Hash {@code <ns>session:{id}} and a
 * JSON document {@code <ns>session:{id}:json} (the id in braces is a hash tag: in a cluster both keys
 * live in the same slot). Every method sends real commands through the gateway and completes with what
 * the server replied and the calls that ran (for the code panel); bad input is refused before anything
 * is sent, with the app's reason, and a server's refusal fails the future with the server's message.
 *
 * <p>The JSON side runs on valkey-json when the server has it ({@link ModuleJsonEngine}), else on the
 * Lua stand-in ({@link LuaJsonEngine}), which is loaded on first use and again when the server lost it.
 */
final class SessionStore {

    /** A result and the calls that produced it, in order. */
    record Done<T>(T value, List<ValkeyCall<?>> calls) {
    }

    /** One side of an edit: the command that ran, and the server's reply or error (null when it was not sent). */
    record Side(String command, String reply, String error) {
        boolean failed() {
            return error != null;
        }
    }

    /** An edit applied to both stores. */
    record Edit(Side json, Side hash) {
    }

    private final ValkeyGateway.Scope scope;
    private final BooleanSupplier hasModule;
    private final ModuleJsonEngine module = new ModuleJsonEngine();
    private final LuaJsonEngine lua = new LuaJsonEngine();
    private volatile boolean libraryLoaded;

    SessionStore(ValkeyGateway.Scope scope, BooleanSupplier hasModule) {
        this.scope = scope;
        this.hasModule = hasModule;
    }

    JsonEngine engine() {
        return hasModule.getAsBoolean() ? module : lua;
    }

    ValkeyGateway.Scope scope() {
        return scope;
    }

    String hashKey(String id) {
        return scope.key("session:{" + id + "}");
    }

    String jsonKey(String id) {
        return hashKey(id) + ":json";
    }

    /** A new server, or the same one restarted: the library must be loaded again before the next FCALL. */
    void forgetLibrary() {
        libraryLoaded = false;
    }

    // ------------------------------------------------------------------ sending

    <T> CompletableFuture<T> send(List<ValkeyCall<?>> log, ValkeyCall<T> call) {
        synchronized (log) {
            log.add(call);
        }
        return scope.send(call);
    }

    /** A JSON call; on the Lua stand-in the library is loaded first, and again (then the call retried) when the server lost it. */
    <T> CompletableFuture<T> sendJson(List<ValkeyCall<?>> log, ValkeyCall<T> call) {
        if (engine().module()) return send(log, call);
        CompletableFuture<Void> ready = libraryLoaded ? CompletableFuture.completedFuture(null) : loadLibrary(log);
        return ready.thenCompose(x -> send(log, call)).exceptionallyCompose(e -> {
            if (!LuaJsonEngine.missing(e)) return CompletableFuture.failedFuture(e);
            libraryLoaded = false;
            return loadLibrary(log).thenCompose(x -> send(log, call));
        });
    }

    CompletableFuture<Void> loadLibrary(List<ValkeyCall<?>> log) {
        return send(log, lua.loadLibrary()).thenAccept(name -> libraryLoaded = true);
    }

    /** Runs one side of an edit: its reply, or its error as the server (or Glide) said it. */
    private <T> CompletableFuture<Side> side(CompletableFuture<T> f, ValkeyCall<T> call) {
        String cmd = shortCommand(call.args());
        return f.handle((r, e) -> e == null ? new Side(cmd, replyText(r), null)
                : new Side(cmd, null, JournalFormat.errorMessage(e)));
    }

    /**
     * A command in a few words, without the key (the panel names both keys): {@code HSET guild},
     * {@code FCALL vx_json_set $.guild}, {@code JSON.NUMINCRBY $.level 1}.
     */
    static String shortCommand(List<String> args) {
        boolean fcall = args.get(0).equals("FCALL");
        String name = fcall ? "FCALL " + args.get(1) : args.get(0);
        List<String> rest = args.subList(Math.min(args.size(), fcall ? 4 : 2), args.size());
        StringBuilder b = new StringBuilder(name);
        for (int i = 0; i < rest.size() && i < 2; i++) {
            String a = rest.get(i);
            b.append(' ').append(a.length() > 32 ? a.substring(0, 31) + "…" : a);
        }
        if (rest.size() > 2) b.append(" …");
        return b.toString();
    }

    /** A reply as text: a string as it is, an array as [a,b,null], nothing as (nil). */
    static String replyText(Object r) {
        if (r == null) return "(nil)";
        if (r instanceof Object[] a) {
            return java.util.Arrays.stream(a).map(x -> x == null ? "null" : String.valueOf(x))
                    .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        }
        return String.valueOf(r);
    }

    // ------------------------------------------------------------------ the session

    /** Stores a new session both ways (and removes the previous session's two keys, if any). */
    CompletableFuture<Done<String>> create(PlayerSession s, String previousId) {
        List<ValkeyCall<?>> log = new ArrayList<>();
        JsonNode doc = s.toJson();
        String json = JsonValues.write(doc);
        CompletableFuture<Long> gone = previousId == null ? CompletableFuture.completedFuture(0L)
                : send(log, HashCommands.unlink(hashKey(previousId), jsonKey(previousId)));
        return gone.thenCompose(x -> send(log, HashCommands.hset(hashKey(s.id()), PlayerSession.hashFields(doc))))
                .thenCompose(n -> sendJson(log, engine().set(jsonKey(s.id()), "$", json)))
                .thenApply(ok -> new Done<>(s.id(), List.copyOf(log)));
    }

    /**
     * Sets one top-level field to a JSON value: {@code JSON.SET key $.field value} first; only when the
     * server accepted it, {@code HSET key field text} (so a value the server refuses changes neither).
     */
    CompletableFuture<Done<Edit>> setField(String id, String field, String jsonValue) {
        String bad = SessionInput.fieldProblem(field);
        if (bad == null && (jsonValue == null || jsonValue.isBlank())) bad = "Type a JSON value, e.g. \"Night Owls\" (in quotes), 42 or true.";
        if (bad != null) return refused(bad);
        List<ValkeyCall<?>> log = new ArrayList<>();
        ValkeyCall<String> j = engine().set(jsonKey(id), SessionInput.pathOf(field), jsonValue.strip());
        return side(sendJson(log, j), j).thenCompose(js -> {
            if (js.failed()) return CompletableFuture.completedFuture(new Edit(js, null));
            String text = JsonValues.parse(jsonValue.strip()).map(PlayerSession::hashValue).orElse(jsonValue.strip());
            ValkeyCall<Long> h = HashCommands.hset(hashKey(id), Map.of(field, text));
            return side(send(log, h), h).thenApply(hs -> new Edit(js, hs));
        }).thenApply(e -> new Done<>(e, List.copyOf(log)));
    }

    /**
     * Adds a number to a field both ways: {@code JSON.NUMINCRBY key $.field by} and {@code HINCRBY} (or
     * {@code HINCRBYFLOAT} for a decimal). Both are sent; each replies for itself (a field that is not a
     * number: valkey-json answers [null] and changes nothing, HINCRBY answers an error).
     */
    CompletableFuture<Done<Edit>> increment(String id, String field, String by) {
        String bad = SessionInput.fieldProblem(field);
        if (bad == null) bad = SessionInput.numberProblem(by);
        if (bad != null) return refused(bad);
        Number n = SessionInput.number(by);
        List<ValkeyCall<?>> log = new ArrayList<>();
        ValkeyCall<String> j = engine().numincrby(jsonKey(id), SessionInput.pathOf(field), n);
        return side(sendJson(log, j), j).thenCompose(js -> {
            if (n instanceof Long l) {
                ValkeyCall<Long> h = HashCommands.hincrBy(hashKey(id), field, l);
                return side(send(log, h), h).thenApply(hs -> new Edit(js, hs));
            }
            ValkeyCall<Double> h = HashCommands.hincrByFloat(hashKey(id), field, n.doubleValue(), n.toString());
            return side(send(log, h), h).thenApply(hs -> new Edit(js, hs));
        }).thenApply(e -> new Done<>(e, List.copyOf(log)));
    }

    /**
     * Adds an item to the inventory. JSON: one atomic {@code JSON.ARRAPPEND key $.inventory item}. Hash:
     * the inventory is one serialised field, so the app reads it ({@code HGET}), parses it, appends, and
     * writes it all back ({@code HSET}): two round trips, and a write by someone else in between is lost.
     */
    CompletableFuture<Done<Edit>> addItem(String id, PlayerSession.Item item) {
        String bad = SessionInput.itemProblem(item);
        if (bad != null) return refused(bad);
        String itemJson = JsonValues.write(item.toJson());
        List<ValkeyCall<?>> log = new ArrayList<>();
        ValkeyCall<Object> j = engine().arrappend(jsonKey(id), "$.inventory", List.of(itemJson));
        return side(sendJson(log, j), j).thenCompose(js -> {
            if (js.failed()) return CompletableFuture.completedFuture(new Edit(js, null));
            ValkeyCall<String> get = HashCommands.hget(hashKey(id), "inventory");
            return send(log, get).thenCompose(text -> {
                com.fasterxml.jackson.databind.node.ArrayNode inv = JsonValues.parse(text == null ? "[]" : text)
                        .filter(JsonNode::isArray).map(a -> (com.fasterxml.jackson.databind.node.ArrayNode) a)
                        .orElseGet(JsonValues.MAPPER::createArrayNode);
                inv.add(item.toJson());
                ValkeyCall<Long> put = HashCommands.hset(hashKey(id), Map.of("inventory", JsonValues.write(inv)));
                return side(send(log, put), put);
            }).thenApply(hs -> new Edit(js, hs));
        }).thenApply(e -> new Done<>(e, List.copyOf(log)));
    }

    /**
     * Replaces the whole document ({@code JSON.SET key $ doc}) and, when the server accepted it, the Hash
     * ({@code DEL} + {@code HSET} in one MULTI/EXEC). A document over {@link LuaJsonEngine#MAX_DOCUMENT_BYTES}
     * or one that is not a JSON object is refused by the app; invalid JSON is refused by the server.
     */
    CompletableFuture<Done<Edit>> replaceDocument(String id, String text) {
        String bad = SessionInput.documentProblem(text);
        if (bad != null) return refused(bad);
        List<ValkeyCall<?>> log = new ArrayList<>();
        ValkeyCall<String> j = engine().set(jsonKey(id), "$", text);
        return side(sendJson(log, j), j).thenCompose(js -> {
            if (js.failed()) return CompletableFuture.completedFuture(new Edit(js, null));
            JsonNode doc = JsonValues.parse(text).orElseThrow();
            if (!doc.isObject()) {
                return CompletableFuture.completedFuture(new Edit(js, new Side("HSET", null,
                        "Not sent: a Hash holds field → value pairs, and this document is not a JSON object.")));
            }
            LinkedHashMap<String, String> fields = PlayerSession.hashFields(doc);
            List<List<String>> cmds = new ArrayList<>();
            cmds.add(List.of("DEL", hashKey(id)));
            List<String> hset = new ArrayList<>(List.of("HSET", hashKey(id)));
            fields.forEach((f, v) -> {
                hset.add(f);
                hset.add(v);
            });
            if (!fields.isEmpty()) cmds.add(hset);
            String java = "client.exec(new Batch(true).del(new String[]{key}).hset(key, fields), true)";
            return scope.batch(true, cmds, List.of(hashKey(id)), java).handle((r, e) -> new Edit(js, e == null
                    ? new Side("MULTI; DEL; HSET; EXEC", JournalFormat.reply(r), null)
                    : new Side("MULTI; DEL; HSET; EXEC", null, JournalFormat.errorMessage(e))));
        }).thenApply(e -> new Done<>(e, List.copyOf(log)));
    }

    private static <T> CompletableFuture<T> refused(String why) {
        return CompletableFuture.failedFuture(new IllegalArgumentException(why));
    }

    // ------------------------------------------------------------------ reading

    /** Both keys in one pipeline (one journal row): HGETALL, OBJECT ENCODING, MEMORY USAGE, the document, its MEMORY USAGE. */
    CompletableFuture<SessionsModel.Snapshot> read(String id) {
        return readOnce(id).exceptionallyCompose(e -> {
            if (!LuaJsonEngine.missing(e)) return CompletableFuture.failedFuture(e);
            libraryLoaded = false;
            return loadLibrary(new ArrayList<>()).thenCompose(x -> readOnce(id));
        });
    }

    private CompletableFuture<SessionsModel.Snapshot> readOnce(String id) {
        String hk = hashKey(id);
        String jk = jsonKey(id);
        JsonEngine eng = engine();
        List<List<String>> cmds = new ArrayList<>(List.of(List.of("HGETALL", hk), List.of("OBJECT", "ENCODING", hk),
                List.of("MEMORY", "USAGE", hk, "SAMPLES", "0"), eng.get(jk, null).args(), List.of("MEMORY", "USAGE", jk, "SAMPLES", "0")));
        if (eng.module()) cmds.add(List.of("JSON.DEBUG", "MEMORY", jk));
        String java = "client.exec(new Batch(false).hgetall(hk).objectEncoding(hk).customCommand(MEMORY USAGE hk)\n"
                + "    ." + (eng.module() ? "customCommand(JSON.GET jk)" : "fcall(\"vx_json_get\", jk)") + ".customCommand(MEMORY USAGE jk), false)";
        CompletableFuture<Void> ready = eng.module() || libraryLoaded ? CompletableFuture.completedFuture(null)
                : loadLibrary(new ArrayList<>());
        return ready.thenCompose(x -> scope.worker("poller").batch(false, cmds, List.of(), java)).thenApply(r -> {
            for (Object o : r) if (o instanceof Throwable t && LuaJsonEngine.missing(t)) {
                throw new java.util.concurrent.CompletionException(t);
            }
            Map<String, String> fields = new LinkedHashMap<>();
            if (r[0] instanceof Map<?, ?> m) m.forEach((k, v) -> fields.put(String.valueOf(k), String.valueOf(v)));
            String text = r[3] instanceof Throwable || r[3] == null ? null : String.valueOf(r[3]);
            JsonNode doc = text == null ? null : JsonValues.parse(text).orElse(null);
            long moduleMemory = eng.module() && r.length > 5 ? number(r[5]) : -1;
            return new SessionsModel.Snapshot(id, new SessionsModel.HashState(hk, fields, r[1] instanceof String s ? s : "",
                    number(r[2])), new SessionsModel.JsonState(jk, text, doc, number(r[4]), moduleMemory), eng.label());
        });
    }

    static long number(Object o) {
        return o instanceof Number n ? n.longValue() : -1;
    }

    /**
     * JSON.GET with a path, and the highlight: the document is read, the path run on it in the app
     * ({@link PathSelector}), and the nodes it selects are kept only when they are exactly the reply.
     */
    CompletableFuture<Done<SessionsModel.Query>> query(String id, String path) {
        String bad = SessionInput.pathProblem(path);
        if (bad != null) return refused(bad);
        String p = path.strip();
        List<ValkeyCall<?>> log = new ArrayList<>();
        String jk = jsonKey(id);
        ValkeyCall<String> whole = engine().get(jk, null);
        ValkeyCall<String> call = engine().get(jk, p);
        return sendJson(log, whole).thenCompose(docText -> {
            long t0 = System.nanoTime();
            return sendJson(log, call).handle((reply, e) -> {
                long micros = (System.nanoTime() - t0) / 1_000;
                JsonNode doc = docText == null ? null : JsonValues.parse(docText).orElse(null);
                PathSelector.Selection sel = doc == null ? null : PathSelector.select(doc, p);
                boolean agrees = e == null && sel != null && sel.agrees(reply);
                List<String> matches = agrees ? sel.matches().stream().map(PathSelector.Match::pointer).toList() : List.of();
                String err = e == null ? null : JournalFormat.errorMessage(e);
                return new Done<>(new SessionsModel.Query(p, p.startsWith("$"), e == null ? reply : null, err, matches, agrees,
                        hashNote(id, sel), micros), List.copyOf(log));
            });
        });
    }

    /** What a Hash can do for the same question: HGET of one top-level field, or nothing inside a field. */
    private String hashNote(String id, PathSelector.Selection sel) {
        if (sel == null || sel.matches().isEmpty()) return "";
        List<String> top = sel.matches().stream().map(PathSelector.Match::pointer).filter(ptr -> ptr.indexOf('/', 1) < 0).toList();
        if (top.size() == sel.matches().size() && top.size() <= 3 && !top.contains("")) {
            return "Hash: " + String.join("; ", top.stream().map(ptr -> "HGET " + hashKey(id) + " "
                    + ptr.substring(1).replace("~1", "/").replace("~0", "~")).toList()) + " reads the same top-level field"
                    + (top.size() == 1 ? "" : "s") + ".";
        }
        return "Hash: no command reaches inside a field: the app must HGET the inventory (or HGETALL), parse the text and filter"
                + " it itself.";
    }

    /** Runs work that needs a live session id, refusing with a clear message when there is none. */
    static <T> CompletableFuture<T> withSession(String id, Supplier<CompletableFuture<T>> work) {
        if (id == null) return refused("Create a session first (New session).");
        return work.get();
    }
}
