package dev.valkeyexplainer.concepts.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyCall;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    private final SessionReader reader = new SessionReader(this);
    private volatile boolean libraryLoaded;

    SessionStore(ValkeyGateway.Scope scope, BooleanSupplier hasModule) {
        this.scope = scope;
        this.hasModule = hasModule;
    }

    boolean libraryLoaded() {
        return libraryLoaded;
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

    /**
     * A JSON call, journaled under the engine's name ({@code valkey-json} or {@code lua-json}); on the Lua
     * stand-in the library is loaded first, and again (then the call retried) when the server lost it.
     */
    <T> CompletableFuture<T> sendJson(List<ValkeyCall<?>> log, ValkeyCall<T> call) {
        if (engine().module()) return send(log, call, MODULE_CONNECTION);
        CompletableFuture<Void> ready = libraryLoaded ? CompletableFuture.completedFuture(null) : loadLibrary(log);
        return ready.thenCompose(x -> send(log, call, LUA_CONNECTION)).exceptionallyCompose(e -> {
            if (!LuaJsonEngine.missing(e)) return CompletableFuture.failedFuture(e);
            libraryLoaded = false;
            return loadLibrary(log).thenCompose(x -> send(log, call, LUA_CONNECTION));
        });
    }

    private <T> CompletableFuture<T> send(List<ValkeyCall<?>> log, ValkeyCall<T> call, String connection) {
        synchronized (log) {
            log.add(call);
        }
        return scope.worker(connection).send(call);
    }

    CompletableFuture<Void> loadLibrary(List<ValkeyCall<?>> log) {
        return send(log, lua.loadLibrary(), LUA_CONNECTION).thenAccept(name -> libraryLoaded = true);
    }

    /** The journal's connection column for JSON commands: which engine ran them. */
    static final String MODULE_CONNECTION = "valkey-json";
    static final String LUA_CONNECTION = "lua-json";

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

    /** Both keys as the server holds them now (see {@link SessionReader#read}). */
    CompletableFuture<SessionsModel.Snapshot> read(String id) {
        return reader.read(id);
    }

    /** JSON.GET with a path, and the nodes to highlight (see {@link SessionReader#query}). */
    CompletableFuture<Done<SessionsModel.Query>> query(String id, String path) {
        return reader.query(id, path);
    }

    static long number(Object o) {
        return o instanceof Number n ? n.longValue() : -1;
    }

    /** Runs work that needs a live session id, refusing with a clear message when there is none. */
    static <T> CompletableFuture<T> withSession(String id, Supplier<CompletableFuture<T>> work) {
        if (id == null) return refused("Create a session first (New session).");
        return work.get();
    }
}
