package dev.valkeyexplainer.concepts.bloom;

import dev.valkeyexplainer.concept.CodePanel;
import dev.valkeyexplainer.concept.FxHandoff;
import dev.valkeyexplainer.concept.Snippet;
import dev.valkeyexplainer.concept.StepPlayer;
import dev.valkeyexplainer.valkey.ConnectionStatus;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The tab's behaviour: what the "Try it" panel asks for, run against the server, with the result put
 * into the model (FX thread), the code shown, and a failure shown as the server's (or the app's)
 * message. Three filters, one per mode: {@code walk} (plain, the talk's and the presets' shapes),
 * {@code scaling} (as valkey-bloom scales) and {@code experiment}.
 */
final class BloomTab implements BloomControlsController.Handler {

    private final BloomModel model;
    private final BloomStore store;
    private final ModuleMirror mirror;
    private final Executor fx;
    private final CodePanel code;
    private final Supplier<ConnectionStatus> status;
    private final Runnable poll;
    private final BloomKeys[] keys;
    final StepPlayer player;
    final WalkScenario scenario;
    BloomControlsController controls;
    BloomView view;
    private WalkScenario.Request pending = new WalkScenario.Request(false, "");
    private final Deque<WalkScenario.Request> queue = new ArrayDeque<>();
    private BulkRun bulk;
    private Experiment experiment;

    BloomTab(BloomModel model, ValkeyGateway.Scope scope, Executor fx, CodePanel code, Supplier<ConnectionStatus> status,
             Runnable poll) {
        this.model = model;
        this.store = new BloomStore(scope);
        this.mirror = new ModuleMirror(scope.worker("valkey-bloom"));
        this.fx = fx;
        this.code = code;
        this.status = status;
        this.poll = poll;
        String prefix = scope.gateway().namespace().prefix();
        keys = new BloomKeys[]{BloomKeys.of(prefix, "walk"), BloomKeys.of(prefix, "scaling"), BloomKeys.of(prefix, "experiment")};
        model.keys.set(keys[0]);
        scenario = new WalkScenario(store, model, fx, code, () -> pending);
        player = new StepPlayer(scenario, 700);
        player.errorProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) model.problem.set(b.replaceFirst("^Step failed: ", ""));
        });
        player.finishedProperty().addListener((o, a, done) -> {
            if (done && !queue.isEmpty()) fx.execute(this::nextQueued);
        });
        moduleNote();
    }

    BloomKeys keys(int mode) {
        return keys[mode];
    }

    BloomStore store() {
        return store;
    }

    private <T> CompletableFuture<T> failed(Throwable e) {
        model.problem.set(message(e));
        return CompletableFuture.failedFuture(e);
    }

    static String message(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && !(c instanceof BulkRun.Stopped)) c = c.getCause();
        if (c instanceof BulkRun.Stopped s) {
            return String.format(Locale.ROOT, "Stopped after %,d of %,d: %s", s.at.done(), s.at.total(), s.getMessage());
        }
        return JournalFormat.errorMessage(e);
    }

    @Override
    public void mode(int mode) {
        if (model.keys.get() == keys[mode]) return;
        model.keys.set(keys[mode]);
        model.filter.set(null);
        model.shownFilter.set(0);
        model.marks.set(BloomModel.Marks.NONE);
        if (mode == BloomControlsController.EXPERIMENT && view != null) view.showExperiment.setSelected(true);
        else if (view != null && view.showExperiment.isSelected()) view.showWalk.setSelected(true);
        poll.run();
    }

    private CompletableFuture<BloomState.Filter> reread(BloomKeys k) {
        return store.read(k, true).thenApplyAsync(f -> {
            if (model.keys.get() == k) model.filter.set(f);
            return f;
        }, fx);
    }

    @Override
    public void create(long m, int k) {
        createPlain(m, k);
    }

    CompletableFuture<BloomState.Filter> createPlain(long m, int k) {
        BloomKeys kk = keys[BloomControlsController.BITS];
        model.problem.set("");
        queue.clear();
        player.reset();
        return store.reserveFixed(kk, m, k).thenComposeAsync(d -> {
            model.forget(kk.name());
            model.walk.set(null);
            model.marks.set(BloomModel.Marks.NONE);
            model.status.set(String.format(Locale.ROOT, "A new filter: %,d bits, all 0, and %d hash function%s.", d.value()[0], d.value()[1],
                    d.value()[1] == 1 ? "" : "s"));
            code.show("Create a plain filter", BloomCode.script(kk, "reserve", List.of("fixed", Long.toString(m), Integer.toString(k))));
            mirrorReserve(kk, 0.01, 100, 2);
            return reread(kk);
        }, fx).exceptionallyCompose(this::failed);
    }

    @Override
    public void createScaling(long capacity, double rate, long expansion, double tightening) {
        createScalingFilter(capacity, rate, expansion, tightening);
    }

    CompletableFuture<BloomState.Filter> createScalingFilter(long capacity, double rate, long expansion, double tightening) {
        BloomKeys kk = keys[BloomControlsController.SCALING];
        model.problem.set("");
        return store.reserveScaling(kk, capacity, rate, expansion, tightening).thenComposeAsync(d -> {
            model.forget(kk.name());
            model.walk.set(null);
            model.status.set(String.format(Locale.ROOT, "Sub-filter #0: %,d items at %s → %,d bits, k = %d (valkey-bloom's sizing).",
                    capacity, BloomInput.percent(rate), d.value()[0], d.value()[1]));
            code.show("Create a scaling filter", BloomCode.script(kk, "reserve", List.of("scaling", Long.toString(capacity),
                    Double.toString(rate), Long.toString(expansion), Double.toString(tightening))));
            mirrorReserve(kk, rate, capacity, expansion);
            return reread(kk);
        }, fx).exceptionallyCompose(this::failed);
    }

    @Override
    public void add(String item) {
        play(new WalkScenario.Request(true, item));
    }

    @Override
    public void test(String item) {
        play(new WalkScenario.Request(false, item));
    }

    /** Plays one add or test at the player's pace. */
    private void play(WalkScenario.Request r) {
        model.problem.set("");
        model.status.set("");
        pending = r;
        player.reset();
        player.play();
        mirrorOp(r);
    }

    private void nextQueued() {
        WalkScenario.Request r = queue.poll();
        if (r != null) play(r);
    }

    /** The talk's walk-through at the player's pace: a new 10-bit filter, then each add and test in turn. */
    @Override
    public void talk() {
        controls.mode(BloomControlsController.BITS);
        createPlain(TalkPreset.BITS, TalkPreset.HASHES).thenRunAsync(() -> {
            queue.clear();
            queue.addAll(TalkPreset.requests());
            nextQueued();
        }, fx);
    }

    /** One add or test from start to end without the player's pauses (the talk mode, screenshots, tests). */
    CompletableFuture<BloomModel.Walk> walkFully(boolean add, String item) {
        model.problem.set("");
        model.status.set("");
        queue.clear();
        pending = new WalkScenario.Request(add, item);
        player.reset();
        mirrorOp(pending);
        CompletableFuture<BloomModel.Walk> done = new CompletableFuture<>();
        stepAll(done);
        return done;
    }

    private void stepAll(CompletableFuture<BloomModel.Walk> done) {
        CompletableFuture<Boolean> s;
        try {
            s = scenario.step().toCompletableFuture();
        } catch (RuntimeException e) {
            s = CompletableFuture.failedFuture(e);
        }
        s.whenCompleteAsync((more, e) -> {
            if (e != null) {
                model.problem.set(message(e));
                done.completeExceptionally(e);
            } else if (more) {
                stepAll(done);
            } else {
                done.complete(model.walk.get());
            }
        }, fx);
    }

    @Override
    public void bulk(long n) {
        if (bulk != null) {
            bulk.cancel();
            return;
        }
        bulkAdd(n);
    }

    CompletableFuture<BulkRun.Progress> bulkAdd(long n) {
        BloomKeys kk = model.keys.get();
        long offset = model.bulkCount(kk.name());
        BulkRun run = new BulkRun(store.scope().worker("bulk"), kk);
        bulk = run;
        model.problem.set("");
        controls.bulkButton.setText("Cancel");
        FxHandoff<BulkRun.Progress> handoff = new FxHandoff<>(fx, p -> {
            model.progress.set(p);
            poll.run();
        });
        code.show("Add players in bulk (pipelined)", BloomCode.bulk(kk, "addn", false));
        return run.add("Adding players", n, i -> "player:" + (offset + i), null, handoff::offer).whenCompleteAsync((p, e) -> {
            bulk = null;
            controls.bulkButton.setText("players in bulk");
            BulkRun.Progress last = p != null ? p : e != null && message(e).startsWith("Stopped") ? stoppedAt(e) : null;
            if (last != null) {
                model.rememberBulk(kk.name(), last.done());
                model.progress.set(last);
                model.status.set(String.format(Locale.ROOT, "%s%,d players: %,d added, %,d were \"maybe there\" already (all their bits"
                        + " set), %d sub-filter%s.", last.cancelled() ? "Cancelled after " : "", last.done(), last.added(), last.present(),
                        last.filters(), last.filters() == 1 ? "" : "s"));
            }
            if (e != null) model.problem.set(message(e));
            reread(kk).thenAcceptAsync(f -> {
                if (f.exists()) model.shownFilter.set(f.filters().size() - 1); // the newest, where the adds went
            }, fx);
        }, fx);
    }

    private static BulkRun.Progress stoppedAt(Throwable e) {
        Throwable c = e;
        while (c != null && !(c instanceof BulkRun.Stopped)) c = c.getCause();
        return c == null ? null : ((BulkRun.Stopped) c).at;
    }

    @Override
    public void experiment(long m, long n, long probes, int k, boolean withSet) {
        if (experiment != null) {
            experiment.cancel();
            return;
        }
        runExperiment(m, n, probes, k, withSet);
    }

    CompletableFuture<Experiment.Result> runExperiment(long m, long n, long probes, int k, boolean withSet) {
        BloomKeys kk = keys[BloomControlsController.EXPERIMENT];
        controls.mode(BloomControlsController.EXPERIMENT);
        view.showExperiment.setSelected(true);
        model.problem.set("");
        Experiment e = new Experiment(store.scope().worker("experiment"), kk);
        experiment = e;
        controls.runButton.setText("Cancel");
        code.show("The experiment (pipelined)", BloomCode.bulk(kk, "addn", withSet));
        FxHandoff<BulkRun.Progress> handoff = new FxHandoff<>(fx, model.progress::set);
        return e.run(m, k, n, probes, withSet, handoff::offer).whenCompleteAsync((r, err) -> {
            experiment = null;
            controls.runButton.setText("Run");
            if (err != null) model.problem.set(message(err));
            else if (r == null) model.status.set("Experiment cancelled.");
            else {
                model.experiment.set(r);
                model.runs.add(r);
                model.status.set(String.format(Locale.ROOT, "Measured %s false positives; theory %s.", BloomInput.percent(r.measured()),
                        BloomInput.percent(r.theory())));
            }
            model.forget(kk.name());
            reread(kk);
        }, fx);
    }

    // ------------------------------------------------------------------ valkey-bloom side by side

    private boolean hasModule() {
        return ModuleMirror.available(status.get());
    }

    void moduleNote() {
        if (!hasModule()) model.module.set(new ModuleMirror.View(false, ModuleMirror.NO_MODULE, List.of(), null));
    }

    private void mirrorReserve(BloomKeys kk, double rate, long capacity, long expansion) {
        if (!hasModule()) {
            moduleNote();
            return;
        }
        mirror.reserve(kk.module(), rate, capacity, expansion).thenCompose(x -> mirror.info(kk.module()))
                .whenCompleteAsync((info, e) -> model.module.set(new ModuleMirror.View(true, e != null ? "valkey-bloom: "
                        + message(e) : "valkey-bloom: BF.RESERVE " + kk.module() + " " + rate + " " + capacity
                        + " (the module sizes its own bits and hashes with SipHash)", List.of(), info)), fx);
    }

    private void mirrorOp(WalkScenario.Request r) {
        if (!hasModule()) return;
        BloomKeys kk = model.keys.get();
        List<String> items = List.of(r.item());
        CompletableFuture<List<Long>> op = r.add() ? mirror.add(kk.module(), items) : mirror.exists(kk.module(), items);
        op.thenCombine(mirror.info(kk.module()), (answers, info) -> new Object[]{answers, info}).whenCompleteAsync((x, e) -> {
            ModuleMirror.View old = model.module.get();
            List<String> lines = new java.util.ArrayList<>(old == null ? List.of() : old.answers());
            if (e != null) lines.add("valkey-bloom: " + message(e));
            else lines.add((r.add() ? "BF.ADD " : "BF.EXISTS ") + r.item() + " → " + ((List<?>) x[0]).get(0));
            @SuppressWarnings("unchecked")
            java.util.Map<String, String> info = e == null ? (java.util.Map<String, String>) x[1] : old == null ? null : old.info();
            model.module.set(new ModuleMirror.View(true, "valkey-bloom on this server, side by side (key " + kk.module() + ")",
                    lines.subList(Math.max(0, lines.size() - 8), lines.size()), info));
        }, fx);
    }

    /** After "Reset demo data" or a new server: nothing remembered. */
    void forget() {
        queue.clear();
        player.reset();
        model.forgetAll();
        model.walk.set(null);
        model.filter.set(null);
        model.marks.set(BloomModel.Marks.NONE);
        moduleNote();
        poll.run();
    }

    Snippet intro() {
        return BloomCode.script(keys[0], "add", List.of("Bob"));
    }
}
