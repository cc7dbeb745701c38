package dev.valkeyexplainer.concepts.sessions;

import dev.valkeyexplainer.concept.Async;
import dev.valkeyexplainer.concept.CodePanel;
import dev.valkeyexplainer.concept.Concept;
import dev.valkeyexplainer.concept.ConceptContext;
import dev.valkeyexplainer.concept.ConceptGroup;
import dev.valkeyexplainer.concept.ConceptPane;
import dev.valkeyexplainer.concept.FxHandoff;
import dev.valkeyexplainer.concept.LivePoller;
import dev.valkeyexplainer.concept.ServerHooks;
import dev.valkeyexplainer.concept.ScreenshotStep;
import dev.valkeyexplainer.concept.TalkStep;
import dev.valkeyexplainer.valkey.Capability;
import dev.valkeyexplainer.valkey.JournalFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;
import javafx.scene.layout.VBox;

/**
 * Player sessions as a Hash and as a JSON document, side by side, from the talk's session section:
 * HSET / HGETALL / HINCRBY against JSON.SET / JSON.GET with both path dialects / JSON.ARRAPPEND /
 * JSON.NUMINCRBY, what each costs in memory, and what filtering on the server saves on the wire.
 * Lifecycle only: the behaviour is {@link SessionsTab}, the server side {@link SessionStore}, the
 * drawing {@link SessionsView}, the scenario {@link SessionsTalk}.
 */
public final class SessionsConcept implements Concept {

    public static final String ID = "sessions";
    static final long POLL_MS = 1_000;
    private static final String CANNOT_READ = "Cannot read the session: ";

    private ConceptContext ctx;
    private SessionsModel model;
    private SessionsTab tab;
    private SessionsView view;
    private LivePoller<SessionsModel.Snapshot> poller;
    private ServerHooks hooks;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ConceptGroup group() {
        return ConceptGroup.SESSIONS;
    }

    @Override
    public String title() {
        return "Hash vs JSON";
    }

    @Override
    public String summary() {
        return "One player session stored as a Hash and as a JSON document: paths, edits, memory, and filtering on the server";
    }

    @Override
    public Set<Capability> needs() {
        return Set.of(Capability.WRITE);
    }

    @Override
    public List<String> keywords() {
        return List.of("HSET", "HGETALL", "HGET", "HINCRBY", "JSON.SET", "JSON.GET", "JSON.ARRAPPEND", "JSON.NUMINCRBY", "JSONPath",
                "valkey-json", "session", "listpack", "hashtable", "OBJECT ENCODING", "MEMORY USAGE", "FCALL", "UUID");
    }

    @Override
    public Node createView(ConceptContext context) {
        ctx = context;
        dispose(); // a second view replaces the first: its poller and listeners must not live on
        model = new SessionsModel();
        SessionStore store = new SessionStore(ctx.scope(ID, "session"), () -> ctx.gateway().status().hasModule("json"));
        CodePanel code = ctx.codePanel();
        tab = new SessionsTab(model, store, ctx.fx(), code);
        view = new SessionsView(ctx.palette(), model);
        tab.view = view;
        SessionsControlsController controls = new SessionsControlsController(model, tab);
        tab.controls = controls;
        VBox form = ctx.fxml().load("concepts/sessions/controls.fxml", controls);
        code.show("Glide: a session both ways", SessionsCode.intro(store.engine().module()));
        poller = new LivePoller<>(ctx.gateway().scheduler(), POLL_MS, () -> {
            String id = model.sessionId.get();
            return id == null ? CompletableFuture.completedFuture(null) : store.read(id);
        }, new FxHandoff<>(ctx.fx(), s -> {
            if (!s.sessionId().equals(model.sessionId.get())) return;
            if (model.status.get().startsWith(CANNOT_READ)) model.status.set(""); // the server is back
            model.accept(s);
        }), e -> ctx.fx().execute(() -> model.status.set(CANNOT_READ + JournalFormat.errorMessage(e))));
        model.snapshot.addListener((o, a, s) -> showEngine());
        hooks = new ServerHooks(ctx.gateway(), ctx.fx()).onReconnect(() -> {
            store.forgetLibrary();
            poller.tick();
        }).onNewData(() -> {
            tab.forget();
            model.limits.set(null);
            showEngine();
            tab.readLimits();
        });
        showEngine();
        return ConceptPane.layout(ID, "Sessions: the same player as a Hash and as a JSON document",
                "Both stores read live from the server after every change; a path's matches light up in the document.",
                view, form, """
                        A Hash is one level of field → value strings: HSET writes fields, HGETALL reads them all, HGET one, \
                        HINCRBY changes a number on the server. It is compact while small (a listpack) and the natural \
                        session store. A JSON document can nest: the inventory is an array of objects, so JSON.ARRAPPEND adds \
                        an item and JSON.NUMINCRBY changes a number inside it, atomically. A path that starts with $ is \
                        JSONPath and answers an array of every match (.., *, slices, filters such as [?(@.qty>1)]); a path \
                        without $ is the restricted syntax and answers one value. With a Hash the nested part is a string the \
                        app must fetch, parse and filter itself, and one long value turns the whole Hash into a hashtable.""", code);
    }

    private void showEngine() {
        if (tab == null) return;
        SessionsModel.Snapshot s = model.snapshot.get();
        boolean lua = s != null ? !s.engine().startsWith("valkey-json") : !tab.store().engine().module();
        view.showEngine(lua ? "JSON: Lua stand-in (FCALL vx_json_*), no valkey-json here" : "JSON: the valkey-json module (JSON.*)",
                lua ? "The Valkey Function library vx_json implements JSON.SET, JSON.GET (with both path dialects),"
                        + " JSON.ARRAPPEND and JSON.NUMINCRBY as valkey-json does, keeping each document as a string it parses on every"
                        + " call. The journal shows the FCALLs; the code panel shows Glide's Json API, which runs when the module is loaded."
                        : "valkey-json keeps each document as a parsed tree (ReJSON-RL); JSON.DEBUG MEMORY reports its size.");
    }

    @Override
    public void activate() {
        if (poller == null) return;
        showEngine();
        if (model.limits.get() == null) tab.readLimits();
        poller.start();
    }

    @Override
    public void deactivate() {
        if (poller != null) poller.stop();
    }

    @Override
    public void dispose() {
        deactivate();
        if (hooks != null) hooks.remove();
    }

    @Override
    public void onReset() {
        if (tab != null) tab.forget();
    }

    SessionsTab tab() {
        return tab;
    }

    SessionsModel model() {
        return model;
    }

    SessionsView view() {
        return view;
    }

    @Override
    public List<TalkStep> talkSteps() {
        return new SessionsTalk(this).talkSteps();
    }

    @Override
    public List<ScreenshotStep> screenshotSteps() {
        return new SessionsTalk(this).screenshotSteps();
    }

    <T> CompletableFuture<T> onFx(java.util.function.Supplier<CompletableFuture<T>> work) {
        return Async.onFx(ctx.fx(), work);
    }
}
