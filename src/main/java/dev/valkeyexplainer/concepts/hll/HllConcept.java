package dev.valkeyexplainer.concepts.hll;

import dev.valkeyexplainer.concept.CodePanel;
import dev.valkeyexplainer.concept.Concept;
import dev.valkeyexplainer.concept.ConceptGroup;
import dev.valkeyexplainer.concept.ConceptContext;
import dev.valkeyexplainer.concept.ConceptPane;
import dev.valkeyexplainer.concept.FxHandoff;
import dev.valkeyexplainer.concept.LivePoller;
import dev.valkeyexplainer.concept.ScreenshotStep;
import dev.valkeyexplainer.concept.TalkStep;
import dev.valkeyexplainer.concept.StepPlayer;
import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import dev.valkeyexplainer.valkey.hll.HllDecoder;
import dev.valkeyexplainer.valkey.hll.HllState;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * HyperLogLog, from the talk's unique-user count: the real registers read from the server and
 * decoded, one user added step by step, PFMERGE as a register-wise maximum, and the Set vs
 * HyperLogLog experiment.
 */
public final class HllConcept implements Concept {

    public static final String ID = "hll";
    static final long POLL_MS = 1_000;

    /** One poll of the key on screen. */
    record Reading(String key, HllState state, Long exact, String error) {
    }

    private ConceptContext ctx;
    private dev.valkeyexplainer.anim.FrameClock.FrameListener frames;
    private ValkeyGateway.Scope valkey;
    private HllKeys keys;
    private HllView view;
    private CodePanel code;
    private StepPlayer player;
    private AddScenario scenario;
    private LivePoller<Reading> poller;
    private volatile String viewedKey;
    private Long lastPfcount;
    private Experiment experiment;
    private Experiment.Progress lastProgress;
    private AddScenario.View lastAdd;
    private String lastMerge;
    private ComboBox<String> keyChoice;
    private ToggleGroup modes;
    private TextField nameField;
    private TextField usersField;
    private ProgressBar progressBar;
    private Button runExperiment;
    private Label inputMessage;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ConceptGroup group() {
        return ConceptGroup.PROBABILISTIC;
    }

    @Override
    public String summary() {
        return "Counting unique players in 12 KB: the server's own registers, decoded";
    }

    @Override
    public List<String> keywords() {
        return List.of("PFADD", "PFCOUNT", "PFMERGE", "HyperLogLog", "registers", "cardinality", "unique users", "DAU");
    }

    @Override
    public String title() {
        return "HyperLogLog";
    }

    @Override
    public Node createView(ConceptContext context) {
        ctx = context;
        deactivate(); // a second view (a new window) replaces the first: its poller must not live on
        valkey = ctx.scope(ID, "add");
        keys = HllKeys.of(ctx.gateway().namespace(), LocalDate.now());
        viewedKey = keys.dau();
        view = new HllView(ctx.palette());
        code = ctx.codePanel();
        scenario = new AddScenario(valkey, keys, ctx.fx(), this::showAdd, () -> nameField.getText());
        player = new StepPlayer(scenario, 900);
        player.errorProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) inputMessage.setText(b);
        });
        frames = view.grid::step;
        poller = new LivePoller<>(ctx.gateway().scheduler(), POLL_MS, this::read, new FxHandoff<>(ctx.fx(), this::showReading),
                e -> ctx.fx().execute(() -> view.showError("Could not read " + viewedKey + ": " + JournalFormat.errorMessage(e))));
        code.show("Glide (Java)", """
                // Count unique daily users in at most 12 KB
                client.pfadd("%s", new String[]{"alice"}).get();
                long dau = client.pfcount(new String[]{"%s"}).get();""".formatted(keys.dau(), keys.dau()));
        return ConceptPane.layout(ID, "HyperLogLog: counting unique players in 12 KB",
                "The registers below are the server's own bytes (GET, decoded), not a model. Every step is a real command.",
                view, controls(), """
                        A Set remembers every user, so it grows with them. A HyperLogLog keeps only 16,384 small registers \
                        (12 KB at most): each name is hashed, 14 bits pick a register, and the register keeps the longest \
                        run of zeros seen, like remembering the longest streak of heads in coin flips. PFCOUNT turns the \
                        registers into an estimate with about 0.81% standard error. PFMERGE combines counts, e.g. per game, \
                        by taking the larger value of each register, so a user in both games is counted once.""", code);
    }

    private Node controls() {
        modes = new ToggleGroup();
        ToggleButton add = mode("Add a user", HllView.Mode.ADD, keys.dau());
        ToggleButton merge = mode("Merge", HllView.Mode.MERGE, keys.merged());
        ToggleButton exp = mode("Experiment", HllView.Mode.EXPERIMENT, keys.experiment());
        add.setSelected(true);
        HBox modeRow = new HBox(4, add, merge, exp);

        keyChoice = new ComboBox<>();
        keyChoice.getItems().addAll(keys.dau(), keys.game1(), keys.game2(), keys.merged(), keys.experiment());
        keyChoice.setValue(keys.dau());
        keyChoice.setMaxWidth(Double.MAX_VALUE);
        keyChoice.valueProperty().addListener((o, a, b) -> {
            if (b != null) showKey(b);
        });

        nameField = new TextField();
        nameField.setPromptText("a user name, e.g. alice");
        nameField.setId("hll-name");
        nameField.setOnAction(e -> addUser());
        Button addButton = new Button("Add");
        addButton.setId("hll-add");
        addButton.setDefaultButton(false);
        addButton.setOnAction(e -> addUser());
        inputMessage = new Label();
        inputMessage.getStyleClass().add("error-text");
        inputMessage.setWrapText(true);
        VBox addBox = new VBox(6, new HBox(6, nameField, addButton), player.controls(), inputMessage);

        Button mergeButton = new Button("Run the talk's merge");
        mergeButton.setOnAction(e -> runMerge().whenComplete((m, err) -> ctx.fx().execute(() ->
                inputMessage.setText(err == null ? "" : "Merge failed: " + JournalFormat.errorMessage(err)))));
        Label mergeHint = new Label("Game 1: alice, bob, carol. Game 2: alice, doris. PFMERGE them into one key and count.");
        mergeHint.setWrapText(true);
        VBox mergeBox = new VBox(6, mergeHint, mergeButton);

        usersField = new TextField("10,000");
        usersField.setPrefColumnCount(9);
        runExperiment = new Button("Run");
        runExperiment.setOnAction(e -> toggleExperiment());
        progressBar = new ProgressBar(0);
        progressBar.setMaxWidth(Double.MAX_VALUE);
        Label expHint = new Label("Adds N distinct users (1 to 1,000,000) to a HyperLogLog and to a Set, in pipelined batches.");
        expHint.setWrapText(true);
        VBox expBox = new VBox(6, expHint, new HBox(6, new Label("N"), usersField, runExperiment), progressBar);

        StackPane modeControls = new StackPane(addBox, mergeBox, expBox);
        modes.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
                return;
            }
            HllView.Mode m = (HllView.Mode) b.getUserData();
            addBox.setVisible(m == HllView.Mode.ADD);
            mergeBox.setVisible(m == HllView.Mode.MERGE);
            expBox.setVisible(m == HllView.Mode.EXPERIMENT);
        });
        mergeBox.setVisible(false);
        expBox.setVisible(false);
        return ConceptPane.panel("Try it", modeRow, new Label("Key on the grid"), keyChoice, modeControls);
    }

    private ToggleButton mode(String text, HllView.Mode m, String key) {
        ToggleButton b = new ToggleButton(text);
        b.setToggleGroup(modes);
        b.setUserData(m);
        b.setOnAction(e -> {
            view.showMode(m);
            keyChoice.setValue(key);
        });
        return b;
    }

    // ------------------------------------------------------------------ live reading

    private void showKey(String key) {
        if (!key.equals(viewedKey)) view.grid.highlight(-1, false);
        viewedKey = key;
        lastPfcount = null;
        poller.tick();
    }

    private CompletionStage<Reading> read() {
        String key = viewedKey;
        String setKey = key.equals(keys.dau()) ? keys.dauNames() : key.equals(keys.experiment()) ? keys.experimentSet() : null;
        ValkeyGateway.Scope poll = valkey.worker("poller");
        CompletableFuture<Long> exact = setKey == null ? CompletableFuture.completedFuture(null) : poll.send(Commands.scard(setKey));
        return poll.send(Commands.getBytes(key)).thenCombine(exact, (raw, n) -> {
            try {
                return new Reading(key, raw == null ? AddScenario.empty() : HllDecoder.decode(raw), n, null);
            } catch (HllDecoder.NotAHyperLogLog e) {
                return new Reading(key, null, n, key + " is not a HyperLogLog: " + e.getMessage());
            }
        });
    }

    private void showReading(Reading r) {
        if (!r.key().equals(viewedKey)) return;
        if (r.error() != null) {
            view.showError(r.error());
            return;
        }
        if (!Arrays.equals(r.state().registers(), view.grid.registers())) view.grid.show(r.state().registers());
        view.showState(r.key(), r.state(), lastPfcount, r.exact());
    }

    // ------------------------------------------------------------------ adding one user

    /** Add (or Enter): the whole add of the typed name, played step by step at the player's speed. */
    private void addUser() {
        Optional<String> problem = AddScenario.problem(nameField.getText());
        if (problem.isPresent()) {
            inputMessage.setText(problem.get());
            return;
        }
        inputMessage.setText("");
        if (!viewedKey.equals(keys.dau())) keyChoice.setValue(keys.dau());
        player.reset();
        player.play();
    }

    private void showAdd(AddScenario.View v) {
        lastAdd = v;
        view.showMode(HllView.Mode.ADD);
        view.stepHeadline.setText("Step " + v.step() + " of " + AddScenario.STEPS + ": " + v.headline());
        view.stepDetail.setText(v.detail());
        HashStrip.Stage stage = v.step() <= 1 ? HashStrip.Stage.HASH : v.step() == 2 ? HashStrip.Stage.INDEX : HashStrip.Stage.RUN;
        view.strip.show(v.name(), v.hash(), stage);
        if (v.step() >= 2) view.grid.highlight(v.hash().index(), false);
        code.show("Glide (Java): step " + v.step(), v.code());
        if (v.after() != null) {
            view.addHistory(String.format(Locale.ROOT, "%s → register %,d, value %d, PFADD %d %s", v.name(), v.hash().index(),
                    v.hash().value(), v.reply() ? 1 : 0, v.checkPassed() ? "✓" : "✗"), v.checkPassed());
            lastPfcount = v.pfcount();
            view.grid.show(v.after().registers());
            view.grid.highlight(v.hash().index(), v.after().register(v.hash().index()) > v.before());
            view.showState(keys.dau(), v.after(), v.pfcount(), v.exact());
        }
    }

    // ------------------------------------------------------------------ merge

    CompletableFuture<String> runMerge() {
        ValkeyGateway.Scope m = valkey.worker("merge");
        return m.send(Commands.del(keys.game1(), keys.game2(), keys.merged()))
                .thenCompose(x -> m.send(Commands.pfadd(keys.game1(), "alice", "bob", "carol")))
                .thenCompose(x -> m.send(Commands.pfadd(keys.game2(), "alice", "doris")))
                .thenCompose(x -> m.send(Commands.pfmerge(keys.merged(), keys.game1(), keys.game2())))
                .thenCompose(x -> state(m, keys.game1()))
                .thenCompose(g1 -> state(m, keys.game2()).thenCompose(g2 -> state(m, keys.merged())
                        .thenCompose(all -> m.send(Commands.pfcount(keys.game1()))
                                .thenCompose(c1 -> m.send(Commands.pfcount(keys.game2()))
                                        .thenCompose(c2 -> m.send(Commands.pfcount(keys.merged()))
                                                .thenApplyAsync(call -> showMerge(g1, g2, all, c1, c2, call), ctx.fx()))))));
    }

    private static CompletableFuture<HllState> state(ValkeyGateway.Scope s, String key) {
        return s.send(Commands.getBytes(key)).thenApply(HllDecoder::decode);
    }

    private String showMerge(HllState g1, HllState g2, HllState all, long c1, long c2, long call) {
        for (var t : modes.getToggles()) if (t.getUserData() == HllView.Mode.MERGE) t.setSelected(true);
        view.showMode(HllView.Mode.MERGE);
        viewedKey = keys.merged();
        keyChoice.setValue(keys.merged());
        lastPfcount = call;
        view.grid.highlight(-1, false);
        view.grid.sweep(g1.registers(), all.registers());
        view.showState(keys.merged(), all, call, null);
        var table = view.mergeTable;
        table.getChildren().clear();
        String[] heads = {"Register", "Game 1", "Game 2", "Merged = max"};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(heads[c]);
            h.getStyleClass().add("stat-caption");
            table.add(h, c, 0);
        }
        int row = 1;
        boolean allMax = true;
        for (int i = 0; i < all.registers().length; i++) {
            int a = g1.register(i);
            int b = g2.register(i);
            if (a == 0 && b == 0 && all.register(i) == 0) continue;
            allMax &= all.register(i) == Math.max(a, b);
            table.add(new Label(String.format(Locale.ROOT, "%,d", i)), 0, row);
            table.add(new Label(String.valueOf(a)), 1, row);
            table.add(new Label(String.valueOf(b)), 2, row);
            Label merged = new Label(all.register(i) + (all.register(i) == Math.max(a, b) ? " ✓" : " ✗"));
            merged.getStyleClass().add("hll-stat");
            table.add(merged, 3, row++);
        }
        lastMerge = String.format(Locale.ROOT, "PFCOUNT game 1 = %d, game 2 = %d, merged = %d: not %d, because alice is in"
                + " both and lands in the same register.%s", c1, c2, call, c1 + c2, allMax ? " Every merged register is the"
                + " maximum of the two (checked on all 16,384)." : " Some register is not the maximum!");
        view.mergeResult.setText(lastMerge);
        code.show("Glide (Java): PFMERGE", """
                client.pfadd("%s", new String[]{"alice", "bob", "carol"}).get();
                client.pfadd("%s", new String[]{"alice", "doris"}).get();
                client.pfmerge("%s",
                        new String[]{"%s", "%s"}).get();
                long total = client.pfcount(new String[]{"%s"}).get(); // %d""".formatted(keys.game1(), keys.game2(),
                keys.merged(), keys.game1(), keys.game2(), keys.merged(), call));
        return lastMerge;
    }

    // ------------------------------------------------------------------ experiment

    private void toggleExperiment() {
        if (experiment != null) {
            experiment.cancel();
            return;
        }
        long n;
        try {
            n = Long.parseLong(usersField.getText().replace(",", "").replace("_", "").strip());
        } catch (NumberFormatException e) {
            inputMessage.setText("N must be a whole number from 1 to 1,000,000.");
            view.experimentResult.setText("N must be a whole number from 1 to 1,000,000.");
            return;
        }
        if (n < 1 || n > Experiment.MAX_USERS) {
            view.experimentResult.setText("N must be between 1 and 1,000,000.");
            return;
        }
        runExperiment(n);
    }

    CompletableFuture<Experiment.Progress> runExperiment(long n) {
        for (var t : modes.getToggles()) if (t.getUserData() == HllView.Mode.EXPERIMENT) t.setSelected(true);
        view.showMode(HllView.Mode.EXPERIMENT);
        keyChoice.setValue(keys.experiment());
        usersField.setText(String.format(Locale.ROOT, "%,d", n));
        Experiment e = new Experiment(valkey.worker("experiment"), keys.experiment(), keys.experimentSet());
        experiment = e;
        runExperiment.setText("Cancel");
        FxHandoff<Experiment.Progress> handoff = new FxHandoff<>(ctx.fx(), this::showProgress);
        code.show("Glide (Java): the experiment", """
                // one pipeline per batch: add, then measure
                Batch b = new Batch(false);
                b.pfadd(hll, users).sadd(set, users)
                 .pfcount(new String[]{hll}).scard(set).strlen(hll);
                Object[] r = client.exec(b, false).get();
                // at the end, compare the memory:
                client.customCommand(new String[]{
                    "MEMORY", "USAGE", set, "SAMPLES", "0"});""");
        return e.run(n, handoff::offer).whenComplete((p, err) -> ctx.fx().execute(() -> {
            experiment = null;
            runExperiment.setText("Run");
            if (err != null) view.experimentResult.setText("Stopped: " + JournalFormat.errorMessage(err));
        }));
    }

    private void showProgress(Experiment.Progress p) {
        lastProgress = p;
        progressBar.setProgress(p.target() == 0 ? 0 : (double) p.done() / p.target());
        view.chart.show(p);
        Experiment.Point last = p.last();
        if (last == null) return;
        String status = p.cancelled() ? "Cancelled at " : p.finished() ? "Done: " : "Adding… ";
        view.experimentResult.setText(String.format(Locale.ROOT, "%s%,d users. PFCOUNT %,d vs exact %,d (SCARD): error %+.3f%%."
                        + " Encoding: %s%s.", status, last.exact(), last.estimate(), last.exact(), 100 * last.relativeError(),
                last.hllBytes() >= Experiment.DENSE_BYTES ? "dense" : "sparse, " + last.hllBytes() + " bytes",
                p.switchedAt() > 0 ? String.format(Locale.ROOT, " (switched to dense at %,d users, after %,d sparse bytes)",
                        p.switchedAt(), p.lastSparseBytes()) : ""));
        if (p.finished()) {
            double max = Math.max(p.setBytes(), p.hllBytes());
            view.memorySet.setText(String.format(Locale.ROOT, "Set: %s (MEMORY USAGE)", bytes(p.setBytes())));
            view.memoryHll.setText(String.format(Locale.ROOT, "HyperLogLog: %s, %.0f× smaller", bytes(p.hllBytes()),
                    p.setBytes() / (double) Math.max(1, p.hllBytes())));
            view.barSet.setPrefWidth(Math.max(2, 380 * p.setBytes() / max));
            view.barHll.setPrefWidth(Math.max(2, 380 * p.hllBytes() / max));
            view.barSet.setMaxWidth(view.barSet.getPrefWidth());
            view.barHll.setMaxWidth(view.barHll.getPrefWidth());
        }
        if (viewedKey.equals(keys.experiment())) poller.tick();
    }

    static String bytes(long b) {
        if (b < 1024) return b + " B";
        if (b < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", b / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", b / (1024.0 * 1024));
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void activate() {
        poller.start();
        ctx.clock().add(frames);
    }

    @Override
    public void deactivate() {
        if (poller != null) poller.stop();
        if (frames != null) ctx.clock().remove(frames);
    }

    @Override
    public void dispose() {
        deactivate();
        if (experiment != null) experiment.cancel();
    }

    @Override
    public void onReset() {
        lastPfcount = null;
        player.reset();
        view.strip.show("", null, HashStrip.Stage.EMPTY);
        view.history.getChildren().clear();
        view.grid.highlight(-1, false);
    }

    @Override
    public Optional<StepPlayer> player() {
        return Optional.ofNullable(player);
    }

    /** Runs the whole add of one name (for screenshots and tests), without the player's pauses. */
    CompletableFuture<AddScenario.View> addFully(String name) {
        CompletableFuture<AddScenario.View> done = new CompletableFuture<>();
        ctx.fx().execute(() -> {
            nameField.setText(name);
            player.reset();
            stepAll(done);
        });
        return done;
    }

    private void stepAll(CompletableFuture<AddScenario.View> done) {
        scenario.step().whenComplete((more, e) -> ctx.fx().execute(() -> {
            if (e != null) done.completeExceptionally(e);
            else if (more) stepAll(done);
            else done.complete(lastAdd);
        }));
    }

    @Override
    public List<TalkStep> talkSteps() {
        return List.of(
                new TalkStep("Add a user", "Add alice. Her name is hashed; 14 bits of the hash pick one of 16,384"
                        + " registers, and the run of zeros in the rest gives the value. PFADD, then the server's own"
                        + " register is read back and checked against the computation.",
                        () -> addFully("alice")),
                new TalkStep("Merge two games", "Game 1 has alice, bob and carol; game 2 has alice and doris. PFMERGE"
                        + " takes the larger value of each register, so alice counts once: 4, not 5.",
                        this::runMerge),
                new TalkStep("Set vs HyperLogLog", "Add 100,000 users to a Set and to a HyperLogLog. Point at the error"
                        + " staying inside the band, and at the memory: megabytes for the Set, 12 KB for the HyperLogLog.",
                        () -> dev.valkeyexplainer.concept.Async.onFx(ctx.fx(), () -> runExperiment(100_000))));
    }

    @Override
    public List<ScreenshotStep> screenshotSteps() {
        return List.of(
                new ScreenshotStep("hll-add", () -> addFully("alice").thenCompose(v -> addFully("bob"))
                        .thenCompose(v -> addFully("carol")).thenCompose(v -> addFully("doris"))
                        .thenApply(v -> String.format(Locale.ROOT, "HyperLogLog, adding a user: \"%s\" hashes to register %,d"
                                        + " with value %d; PFADD returned %d; the server's register is now %d, as computed;"
                                        + " PFCOUNT %d = exact %d; %s encoding, %,d bytes.", v.name(), v.hash().index(),
                                v.hash().value(), v.reply() ? 1 : 0, v.after().register(v.hash().index()), v.pfcount(),
                                v.exact(), v.after().encoding().name().toLowerCase(Locale.ROOT), v.after().byteLength()))),
                new ScreenshotStep("hll-merge", () -> runMerge().thenCompose(m -> pause(2_500).thenApply(x -> "HyperLogLog, merge: " + m))),
                new ScreenshotStep("hll-experiment", () -> {
                    return dev.valkeyexplainer.concept.Async.onFx(ctx.fx(), () -> runExperiment(100_000)).thenCompose(p -> pause(1_500).thenApply(x -> {
                        Experiment.Point last = p.last();
                        return String.format(Locale.ROOT, "HyperLogLog, the experiment: %,d users in %d pipelines; PFCOUNT %,d"
                                        + " vs exact %,d (error %+.3f%%); Set %s vs HyperLogLog %s (MEMORY USAGE); dense from"
                                        + " %,d users.", last.exact(), p.points().size(), last.estimate(), last.exact(),
                                100 * last.relativeError(), bytes(p.setBytes()), bytes(p.hllBytes()), p.switchedAt());
                    }));
                }));
    }

    private static CompletableFuture<Void> pause(long ms) {
        return dev.valkeyexplainer.concept.Async.delay(ms);
    }
}
