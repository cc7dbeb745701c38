package dev.valkeyexplainer.concepts.semantic;

import dev.valkeyexplainer.concept.Async;
import dev.valkeyexplainer.concept.CodePanel;
import dev.valkeyexplainer.concept.Concept;
import dev.valkeyexplainer.concept.ConceptContext;
import dev.valkeyexplainer.concept.ConceptGroup;
import dev.valkeyexplainer.concept.ConceptPane;
import dev.valkeyexplainer.concept.ScreenshotStep;
import dev.valkeyexplainer.concept.Snippet;
import dev.valkeyexplainer.concept.TalkStep;
import dev.valkeyexplainer.valkey.Capability;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Semantic caching, from the talk's generative-AI section: a player's question is embedded by a local
 * model, the nearest cached question is searched in Valkey, and a close enough one serves its stored
 * answer instead of a call to the (stand-in) foundation model. Lifecycle and wiring only; the flow is
 * {@link SemanticCache}, the state {@link SemanticModel}, the drawing {@link SemanticView}.
 */
public final class SemanticConcept implements Concept, SemanticControlsController.Actions {

    public static final String ID = "semantic";
    private static final Logger LOG = LoggerFactory.getLogger(SemanticConcept.class);
    static final String TALK_FIRST = "How long do I have to wait for the next quest?";
    static final String TALK_SECOND = "When does the next quest start?";

    private ConceptContext ctx;
    private ValkeyGateway.Scope valkey;
    private final Corpus corpus = Corpus.shipped();
    private final SemanticModel model = new SemanticModel();
    private SemanticStore store;
    private SemanticView view;
    private SemanticControlsController controls;
    private CodePanel code;
    private CompletableFuture<SemanticCache> cache;
    private final Runnable onReconnect = () -> refreshEntries();
    private boolean active;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ConceptGroup group() {
        return ConceptGroup.AI;
    }

    @Override
    public String title() {
        return "Semantic cache";
    }

    @Override
    public String summary() {
        return "Answer a paraphrase from the cache: local embeddings, nearest-neighbour search in Valkey, a threshold";
    }

    @Override
    public Set<Capability> needs() {
        return Set.of(Capability.WRITE);
    }

    @Override
    public List<String> keywords() {
        return List.of("vector search", "embeddings", "KNN", "FT.SEARCH", "FT.CREATE", "HNSW", "cosine", "LLM", "GenAI",
                "FCALL", "threshold", "recall", "EF_RUNTIME");
    }

    @Override
    public Node createView(ConceptContext context) {
        ctx = context;
        valkey = ctx.scope(ID, "cache");
        store = new SemanticStore(valkey, () -> ctx.gateway().status().modules().contains("search"));
        view = new SemanticView(ctx.palette(), model, corpus.groups().stream().map(Corpus.Group::id).toList());
        controls = new SemanticControlsController(model, this);
        Node form = ctx.fxml().load("concepts/semantic/controls.fxml", controls);
        code = ctx.codePanel();
        code.show("The flow", SemanticCode.FLOW);
        model.addListener(this::showStatus);
        loadModel();
        // On a small window (or at 150 %) the visual keeps its minimum size and scrolls: nothing is cut off.
        javafx.scene.control.ScrollPane visual = new javafx.scene.control.ScrollPane(view);
        visual.setFitToWidth(true);
        visual.setFitToHeight(true);
        visual.getStyleClass().add("semantic-scroll");
        return ConceptPane.layout(ID, "Semantic cache: answer a paraphrase from Valkey",
                "Questions are embedded in the app; Valkey finds the nearest cached question.", visual, form, """
                        An exact-match cache misses "When does the next quest start?" even when it holds the answer to \
                        "How long do I have to wait for the next quest?". A semantic cache turns each question into a \
                        vector (384 numbers) whose direction carries its meaning, stores it in a Hash next to the answer, \
                        and looks up the nearest stored vector. When its cosine similarity passes a threshold the stored \
                        answer is served and the slow, paid model call is skipped. The threshold trades hits for wrong \
                        answers: the Measure view gives that trade-off on our corpus. valkey-search does the lookup with an \
                        HNSW graph; without it the app runs an exact search as a Valkey Function.""", code);
    }

    /** The model loads the first time the tab opens (never at app start), as a shared service. */
    private CompletableFuture<SemanticCache> loadModel() {
        if (cache != null && !cache.isCompletedExceptionally()) return cache;
        long t0 = System.nanoTime();
        model.modelNote("Loading the embedding model (all-MiniLM-L6-v2, quantized, 23 MB, in-process)…");
        CompletableFuture<AnswerModel> answers = ctx.service(AnswerModelSettings.class)
                .exceptionally(e -> AnswerModelSettings.GAME_MASTER)
                .thenApply(s -> s.external() ? new ChatEndpoint(s, System.getenv(AnswerModelSettings.KEY_ENV))
                        : new GameMaster(corpus, 1.0));
        cache = ctx.service(Embedder.class, Embedder::load).thenCombine(answers, (emb, am) ->
                new SemanticCache(emb, store, am, corpus, ctx.blocking()));
        cache.whenCompleteAsync((c, e) -> {
            if (e != null) {
                model.modelNote(JournalFormat.errorMessage(e) + " Ask again to retry.");
                return;
            }
            long waited = (System.nanoTime() - t0) / 1_000_000;
            model.modelNote(String.format(Locale.ROOT, "Embedding model ready: loaded in %,d ms when this tab first opened%s.",
                    embedder().map(Embedder::loadMillis).orElse(waited), waited > 50 ? "" : " (already loaded)"));
        }, ctx.fx());
        return cache;
    }

    private java.util.Optional<Embedder> embedder() {
        return ctx.services().ifStarted(Embedder.class);
    }

    private void showStatus() {
        boolean search = ctx.gateway().status().modules().contains("search");
        String engine = search ? "Search: valkey-search, an HNSW index (FT.CREATE / FT.SEARCH), M 16, EF_CONSTRUCTION 200,"
                + " EF_RUNTIME 10." : "Search: exact search in Lua: what FLAT does; HNSW needs valkey-search (this server has"
                + " no search module). The journal shows the FCALL of " + store.function().knnName() + ".";
        String answers = cache != null && cache.isDone() && !cache.isCompletedExceptionally()
                ? "Answer model: " + cache.join().model().label() + "." : "";
        controls.status(model.modelNote(), engine, answers);
    }

    // ------------------------------------------------------------------ actions (FX thread)

    @Override
    public void ask(String question) {
        askAndShow(question).exceptionally(e -> null);
    }

    CompletableFuture<SemanticCache.Lookup> askAndShow(String question) {
        var problem = Embedder.problem(question);
        if (problem.isPresent()) {
            controls.problem(problem.get());
            return CompletableFuture.failedFuture(new IllegalArgumentException(problem.get()));
        }
        controls.message("");
        controls.busy(true);
        SemanticCache.Settings s = model.settings();
        return loadModel().thenCompose(c -> c.ask(question, s, note -> ctx.fx().execute(() -> controls.message(note)))
                .thenApply(l -> new Object[]{l, c.stats()}))
                .thenCompose(r -> refreshEntries().thenApply(x -> r))
                .handleAsync((r, e) -> {
                    controls.busy(false);
                    if (e != null) {
                        controls.problem("That question did not go through: " + JournalFormat.errorMessage(e));
                        throw new java.util.concurrent.CompletionException(e);
                    }
                    SemanticCache.Lookup l = (SemanticCache.Lookup) r[0];
                    controls.message("");
                    model.lookup(l, (SemanticCache.Stats) r[1]);
                    code.show(l.hit() ? "A hit: what ran" : "A miss: what ran", SemanticCode.of(l, store.usesSearchModule()));
                    return l;
                }, ctx.fx());
    }

    @Override
    public void seed() {
        seedCache(null).exceptionally(e -> null);
    }

    /** Empties the cache, then stores every group's seed question except {@code skipGroup}'s. */
    CompletableFuture<Integer> seedCache(String skipGroup) {
        controls.busy(true);
        controls.message("Embedding and storing the corpus seeds…");
        return loadModel().thenCompose(c -> store.clear().thenCompose(x -> c.seed(SemanticModel.COUNTRIES, skipGroup)))
                .thenCompose(n -> refreshEntries().thenApply(x -> n))
                .handleAsync((n, e) -> {
                    controls.busy(false);
                    if (e != null) {
                        controls.problem("Filling the cache failed: " + JournalFormat.errorMessage(e));
                        throw new java.util.concurrent.CompletionException(e);
                    }
                    controls.message(String.format(Locale.ROOT, "Stored %d seed questions with their answers (as if asked"
                            + " before), one Hash each, countries round-robin.", n));
                    return n;
                }, ctx.fx());
    }

    @Override
    public void clear() {
        store.clear().thenCompose(n -> refreshEntries().thenApply(x -> n)).whenCompleteAsync((n, e) -> {
            if (e != null) controls.problem("Emptying the cache failed: " + JournalFormat.errorMessage(e));
            else {
                controls.message(String.format(Locale.ROOT, "Deleted %d cached entr%s (SCAN MATCH %s* + UNLINK).", n,
                        n == 1 ? "y" : "ies", store.prefix()));
                model.clearLookup();
                cache.thenAccept(SemanticCache::resetStats);
            }
        }, ctx.fx());
    }

    @Override
    public void measure() {
        runMeasurements().exceptionally(e -> null);
    }

    CompletableFuture<Measurements> runMeasurements() {
        controls.busy(true);
        controls.message("Embedding the corpus and measuring (in the app)…");
        return loadModel().thenApplyAsync(c -> Measurements.run(embedder().orElseThrow(), corpus), ctx.blocking())
                .handleAsync((m, e) -> {
                    controls.busy(false);
                    if (e != null) {
                        controls.problem("Measuring failed: " + JournalFormat.errorMessage(e));
                        throw new java.util.concurrent.CompletionException(e);
                    }
                    controls.message("");
                    controls.showMode(true);
                    model.measurements(m);
                    return m;
                }, ctx.fx());
    }

    @Override
    public void showMeasure(boolean measure) {
        view.showMeasure(measure);
    }

    /** Reads every entry back from Valkey (the entries function) and fits the map to them. */
    private CompletableFuture<Void> refreshEntries() {
        return store.entries().thenApplyAsync(entries -> new Object[]{entries, SemanticModel.fit(entries)}, ctx.blocking())
                .thenAcceptAsync(r -> {
                    @SuppressWarnings("unchecked") List<SemanticStore.Stored> entries = (List<SemanticStore.Stored>) r[0];
                    model.stored(entries, (Projection) r[1]);
                }, ctx.fx())
                .exceptionally(e -> {
                    LOG.debug("reading the cached entries failed: {}", JournalFormat.errorMessage(e));
                    ctx.fx().execute(() -> controls.problem("Could not read the cache: " + JournalFormat.errorMessage(e)));
                    return null;
                });
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void activate() {
        active = true;
        ctx.gateway().addReconnectListener(onReconnect);
        refreshEntries();
    }

    @Override
    public void deactivate() {
        active = false;
        if (ctx != null) ctx.gateway().removeReconnectListener(onReconnect);
    }

    @Override
    public void onReset() {
        model.clearLookup();
        model.stored(List.of(), null);
        if (cache != null) cache.thenAccept(SemanticCache::resetStats);
    }

    boolean active() {
        return active;
    }

    SemanticModel model() {
        return model;
    }

    SemanticControlsController controls() {
        return controls;
    }

    SemanticView view() {
        return view;
    }

    @Override
    public List<TalkStep> talkSteps() {
        return SemanticScenario.talkSteps(this);
    }

    @Override
    public List<ScreenshotStep> screenshotSteps() {
        return SemanticScenario.screenshotSteps(this);
    }

    Snippet currentCode() {
        return code.snippet();
    }

    java.util.concurrent.Executor fx() {
        return ctx.fx();
    }

    <T> CompletableFuture<T> onFx(java.util.function.Supplier<CompletableFuture<T>> work) {
        return Async.onFx(ctx.fx(), work);
    }
}
