package dev.valkeyexplainer.concepts.bloom;

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
import dev.valkeyexplainer.concept.StepPlayer;
import dev.valkeyexplainer.concept.TalkStep;
import dev.valkeyexplainer.valkey.Capability;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.layout.VBox;

/**
 * Bloom filters as a glass box: the bit array is a Valkey bitmap the tab reads back after every change,
 * an item's k positions come from MurmurHash3 and double hashing computed by a Lua script on the server,
 * sub-filters scale as valkey-bloom's do, and the talk's experiment is measured. Lifecycle only: the
 * behaviour is in {@link BloomTab}, the drawing in {@link BloomView}, the scenario in {@link BloomTalk}.
 */
public final class BloomConcept implements Concept {

    public static final String ID = "bloom";
    static final long POLL_MS = 1_000;

    private ConceptContext ctx;
    private BloomModel model;
    private BloomTab tab;
    private BloomView view;
    private LivePoller<BloomState.Filter> poller;
    private ServerHooks hooks;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ConceptGroup group() {
        return ConceptGroup.PROBABILISTIC;
    }

    @Override
    public String title() {
        return "Bloom filter";
    }

    @Override
    public String summary() {
        return "Membership in a few bits: the filter's own bits on the server, false positives explained and measured";
    }

    @Override
    public Set<Capability> needs() {
        return Set.of(Capability.WRITE, Capability.SCRIPTING);
    }

    @Override
    public List<String> keywords() {
        return List.of("BF.ADD", "BF.EXISTS", "BF.MADD", "BF.MEXISTS", "BF.RESERVE", "BF.INFO", "Bloom", "bitmap", "SETBIT",
                "GETBIT", "BITFIELD", "false positive", "membership", "MurmurHash", "valkey-bloom");
    }

    @Override
    public Node createView(ConceptContext context) {
        ctx = context;
        dispose(); // a second view replaces the first: its poller and listeners must not live on
        ValkeyGateway.Scope scope = ctx.scope(ID, "filter");
        model = new BloomModel();
        CodePanel code = ctx.codePanel();
        poller = new LivePoller<>(ctx.gateway().scheduler(), POLL_MS, () -> tab.store().read(model.keys.get(), true),
                new FxHandoff<>(ctx.fx(), this::showReading),
                e -> ctx.fx().execute(() -> model.status.set("Cannot read the filter: " + JournalFormat.errorMessage(e))));
        tab = new BloomTab(model, scope, ctx.fx(), code, ctx.gateway()::status, poller::tick);
        view = new BloomView(ctx.palette(), model);
        tab.view = view;
        BloomControlsController controls = new BloomControlsController(model, tab);
        tab.controls = controls;
        VBox form = ctx.fxml().load("concepts/bloom/controls.fxml", controls);
        controls.playerBox.getChildren().setAll(tab.player.controls());
        code.show("Glide: a Bloom filter whose bits live in Valkey", tab.intro());
        hooks = new ServerHooks(ctx.gateway(), ctx.fx()).onReconnect(poller::tick).onNewData(tab::forget);
        return ConceptPane.layout(ID, "Bloom filter: is this player in the set?",
                "The bits below are the server's own (GETRANGE after every change). A Lua script hashes each item and sets or"
                        + " reads its bits atomically; valkey-bloom does the same inside the server, with SipHash.",
                view, form, """
                        A Bloom filter answers "have I seen this before?" with a bit array and k hash functions. To add an \
                        item, hash it and set k bits; to test, look at the same k bits. Any 0 means definitely not; all 1s \
                        mean maybe, because other items may have set them: a false positive. It never stores the items, so \
                        it is small: about 9.6 bits per item for a 1 % error rate. Here one 128-bit MurmurHash3 gives two \
                        halves h1 and h2, and hash #i is (h1 + (i−1)·h2) mod m (double hashing); valkey-bloom uses SipHash \
                        with the same idea. When a filter is full, valkey-bloom adds a bigger sub-filter with a tighter error \
                        rate; tests then check every sub-filter.""", code);
    }

    private void showReading(BloomState.Filter f) {
        // a reading that works again clears the error of the ones that did not
        if (model.status.get() != null && model.status.get().startsWith("Cannot read the filter")) model.status.set("");
        if (model.keys.get() != null && f.name().equals(model.keys.get().name())) model.filter.set(f);
    }

    @Override
    public void activate() {
        if (poller != null) poller.start();
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

    @Override
    public Optional<StepPlayer> player() {
        return Optional.ofNullable(tab == null ? null : tab.player);
    }

    BloomTab tab() {
        return tab;
    }

    BloomModel model() {
        return model;
    }

    BloomView view() {
        return view;
    }

    @Override
    public List<TalkStep> talkSteps() {
        return new BloomTalk(this).talkSteps();
    }

    @Override
    public List<ScreenshotStep> screenshotSteps() {
        return new BloomTalk(this).screenshotSteps();
    }

    <T> CompletableFuture<T> onFxFuture(Supplier<CompletableFuture<T>> work) {
        return Async.onFx(ctx.fx(), work);
    }
}
