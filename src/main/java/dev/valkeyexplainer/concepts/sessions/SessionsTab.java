package dev.valkeyexplainer.concepts.sessions;

import dev.valkeyexplainer.concept.CodePanel;
import dev.valkeyexplainer.concept.Snippet;
import dev.valkeyexplainer.valkey.JournalFormat;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The tab's behaviour: each action of the panel (or of a talk step) runs on the server through
 * {@link SessionStore} or an experiment, then the model shows the result on the FX thread, the code
 * panel shows the Glide code, and both stores are read again so that what changed is marked. Every
 * method is called on the FX thread and returns a future that completes once the model shows the result
 * (it fails when the action was refused or failed, after saying why in the panel).
 */
final class SessionsTab implements SessionsControlsController.Actions {

    private final SessionsModel model;
    private final SessionStore store;
    private final MemoryExperiment memory;
    private final WireExperiment wire;
    private final Executor fx;
    private final CodePanel code;
    SessionsControlsController controls;
    SessionsView view;

    SessionsTab(SessionsModel model, SessionStore store, Executor fx, CodePanel code) {
        this.model = model;
        this.store = store;
        this.memory = new MemoryExperiment(store.scope());
        this.wire = new WireExperiment(store);
        this.fx = fx;
        this.code = code;
    }

    SessionStore store() {
        return store;
    }

    private boolean module() {
        return store.engine().module();
    }

    /** Runs work, then {@code done} on the FX thread; a failure is shown as the problem line. */
    private <T, R> CompletableFuture<R> run(String doing, CompletableFuture<T> work, Function<T, R> done) {
        model.problem.set("");
        model.status.set(doing);
        if (controls != null) controls.busy(true);
        return work.handleAsync((v, e) -> {
            if (controls != null) controls.busy(false);
            if (e != null) {
                model.status.set("");
                model.problem.set(JournalFormat.errorMessage(e));
                throw e instanceof CompletionException c ? c : new CompletionException(e);
            }
            return done.apply(v);
        }, fx);
    }

    private String id() {
        return model.sessionId.get();
    }

    /** CONFIG GET of the listpack limits (read only), for the Hash panel's "why" line. */
    CompletableFuture<SessionsModel.Limits> readLimits() {
        return memory.limits().thenApplyAsync(l -> {
            model.limits.set(l);
            return l;
        }, fx);
    }

    /** Reads both keys again now (after an action; the poller does it every second as well). */
    CompletableFuture<SessionsModel.Snapshot> refresh() {
        String id = id();
        if (id == null) return CompletableFuture.completedFuture(null);
        return store.read(id).thenApplyAsync(s -> {
            if (s.sessionId().equals(id())) model.accept(s);
            return s;
        }, fx);
    }

    // ------------------------------------------------------------------ the panel's actions

    @Override
    public void newSession() {
        createSession();
    }

    CompletableFuture<String> createSession() {
        PlayerSession s = PlayerSession.sample(Instant.now());
        return run("Storing a new session both ways…", store.create(s, id()), d -> {
            model.sessionId.set(d.value());
            model.query.set(null);
            var doc = s.toJson();
            code.show("A session, both ways", SessionsCode.create(module(), store.hashKey(d.value()), store.jsonKey(d.value()),
                    PlayerSession.hashFields(doc), JsonValues.write(doc)));
            controls.fillDocument(doc.toPrettyString(), false);
            model.status.set("HSET wrote " + PlayerSession.hashFields(doc).size() + " fields; " + store.engine().commandName("JSON.SET")
                    + " stored the document at $.");
            return d.value();
        }).thenCompose(v -> refresh().thenApply(x -> v));
    }

    @Override
    public void setField(String field, String json) {
        setFieldValue(field, json);
    }

    CompletableFuture<SessionStore.Edit> setFieldValue(String field, String json) {
        return edit("Setting " + field + "…", id -> store.setField(id, field, json), e -> {
            String path = SessionInput.pathOf(field);
            String text = JsonValues.parse(json.strip()).map(PlayerSession::hashValue).orElse(json.strip());
            code.show("Change a field", SessionsCode.setField(module(), store.hashKey(id()), store.jsonKey(id()), field, path, json.strip(), text));
        });
    }

    @Override
    public void increment(String field, String by) {
        incrementField(field, by);
    }

    CompletableFuture<SessionStore.Edit> incrementField(String field, String by) {
        return edit("Adding " + by + " to " + field + "…", id -> store.increment(id, field, by), e -> code.show("Add to a number",
                SessionsCode.increment(module(), store.hashKey(id()), store.jsonKey(id()), field, SessionInput.pathOf(field),
                        SessionInput.number(by))));
    }

    @Override
    public void addItem(String name, String qty, String rarity) {
        addInventoryItem(new PlayerSession.Item(name == null ? "" : name.strip(), SessionInput.quantity(qty), rarity));
    }

    CompletableFuture<SessionStore.Edit> addInventoryItem(PlayerSession.Item item) {
        return edit("Adding " + item.name() + "…", id -> store.addItem(id, item), e -> code.show("Add an item",
                SessionsCode.addItem(module(), store.hashKey(id()), store.jsonKey(id()), JsonValues.write(item.toJson()))));
    }

    @Override
    public void replaceDocument(String text) {
        replaceWholeDocument(text);
    }

    CompletableFuture<SessionStore.Edit> replaceWholeDocument(String text) {
        return edit("Storing the document…", id -> store.replaceDocument(id, text), e -> code.show("Replace the document",
                SessionsCode.replace(module(), store.hashKey(id()), store.jsonKey(id()))));
    }

    /** An edit of both stores: says what each replied, marks a refusal as the problem, then reads both again. */
    private CompletableFuture<SessionStore.Edit> edit(String doing, Function<String, CompletableFuture<SessionStore.Done<SessionStore.Edit>>> work,
                                                      java.util.function.Consumer<SessionStore.Edit> showCode) {
        return run(doing, SessionStore.withSession(id(), () -> work.apply(id())), d -> {
            SessionStore.Edit e = d.value();
            showCode.accept(e);
            model.query.set(null); // its matches were the old document's
            model.status.set(describe(e.json()) + (e.hash() == null ? "" : "  ·  " + describe(e.hash())));
            if (e.json().failed() && e.hash() == null) {
                model.problem.set("The server refused it: " + e.json().error() + ". The Hash was not written, so both stores are"
                        + " unchanged.");
            } else if (e.json().failed() || (e.hash() != null && e.hash().failed())) {
                model.problem.set((e.json().failed() ? "JSON: " + e.json().error() + ". " : "")
                        + (e.hash() != null && e.hash().failed() ? "Hash: " + e.hash().error() + "." : ""));
            }
            return e;
        }).thenCompose(e -> refresh().thenApply(x -> e));
    }

    private static String describe(SessionStore.Side s) {
        String reply = s.failed() ? "(error)" : s.reply().length() > 40 ? s.reply().substring(0, 39) + "…" : s.reply();
        return s.command() + " → " + reply;
    }

    @Override
    public void runPath(String path) {
        query(path);
    }

    CompletableFuture<SessionsModel.Query> query(String path) {
        return run("JSON.GET " + path + "…", SessionStore.withSession(id(), () -> store.query(id(), path)), d -> {
            SessionsModel.Query q = d.value();
            model.query.set(q);
            view.tabs.getSelectionModel().select(view.sideBySide);
            code.show("Ask with a path", SessionsCode.query(module(), store.hashKey(id()), store.jsonKey(id()), q.path()));
            if (q.error() != null) {
                model.status.set("");
                model.problem.set("The server refused the path: " + q.error() + ". Nothing changed.");
            } else {
                model.status.set(QueryBar.noteFor(q));
                if (q.matches().isEmpty() && q.agrees()) model.problem.set("The path matched nothing: " + q.reply()
                        + (q.jsonPath() ? " (a JSONPath answers an empty array)." : "."));
            }
            return q;
        });
    }

    @Override
    public void measureMemory() {
        measure();
    }

    CompletableFuture<SessionsModel.MemoryRun> measure() {
        return run("Adding fields one by one, then growing one value (MEMORY USAGE and OBJECT ENCODING after each)…",
                memory.run(PlayerSession.sample(Instant.now())), r -> {
                    model.limits.set(r.limits());
                    model.memory.set(r);
                    view.tabs.getSelectionModel().select(view.memoryTab);
                    code.show("What a Hash costs", SessionsCode.memory(memory.fieldsKey()));
                    model.status.set(String.format(Locale.ROOT, "%d + %d measurements, each read from the server.",
                            r.byFields().size(), r.byValue().size()));
                    return r;
                });
    }

    @Override
    public void compare(int items) {
        compareFiltering(items);
    }

    CompletableFuture<SessionsModel.WireRun> compareFiltering(int items) {
        return run(String.format(Locale.ROOT, "Storing %d items, then fetching the legendary one three ways, %d rounds each…", items,
                WireExperiment.ROUNDS), wire.run(PlayerSession.sample(Instant.now()), items), r -> {
                    model.wire.set(r);
                    view.tabs.getSelectionModel().select(view.wireTab);
                    code.show("Filter on the server or in the app", SessionsCode.wire(module(), store.hashKey(wire.id()), store.jsonKey(wire.id())));
                    model.status.set("Measured: the figures are medians of the app's own round trips.");
                    return r;
                });
    }

    @Override
    public void badInput(SessionsControlsController.BadInput kind) {
        tryBadInput(kind);
    }

    /** Fills the form with a bad input and runs it: the refusal and the unchanged stores are the point. */
    CompletableFuture<?> tryBadInput(SessionsControlsController.BadInput kind) {
        switch (kind) {
            case NOT_JSON:
                controls.fill("guild", "Night Owls", null);
                return setFieldValue("guild", "Night Owls");
            case SYNTAX:
                controls.fillPath("$.inventory[?(@.qty>)]");
                return query("$.inventory[?(@.qty>)]");
            case NOTHING:
                controls.fillPath("$.nothing");
                return query("$.nothing");
            case NOT_NUMBER:
                controls.fill("level", null, "abc");
                return incrementField("level", "abc");
            default:
                String huge = "{\"name\":\"Alice\",\"bio\":\"" + "x".repeat(70_000) + "\"}";
                controls.fillDocument(huge.substring(0, 200) + "…", true);
                return replaceWholeDocument(huge);
        }
    }

    /** After a reset or on a new server: no session. */
    void forget() {
        model.forget();
        store.forgetLibrary();
        model.status.set("");
        model.problem.set("");
    }

    Snippet snippet() {
        return code.snippet();
    }
}
