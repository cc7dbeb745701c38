package dev.valkeyexplainer.concepts.herd;

import dev.valkeyexplainer.concept.CodePanel;
import dev.valkeyexplainer.concept.Concept;
import dev.valkeyexplainer.concept.ConceptGroup;
import dev.valkeyexplainer.concept.ConceptContext;
import dev.valkeyexplainer.concept.ConceptPane;
import dev.valkeyexplainer.concept.ScreenshotStep;
import dev.valkeyexplainer.concept.TalkStep;
import dev.valkeyexplainer.concept.StepPlayer;
import dev.valkeyexplainer.db.GameDatabase;
import dev.valkeyexplainer.valkey.JournalFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The thundering-herd tab: N workers race for an expired hot key, with or without the lock. */
public final class HerdConcept implements Concept {

    public static final String ID = "herd";
    static final int PLAYER = 42;

    /** The two set-ups the tab offers. */
    enum Setup {
        NORMAL("Lock TTL 5 s, database load 40 ms", 5_000, 40, 25),
        LOCK_EXPIRES("The lock expires before the load ends: lock TTL 1 s, load 2.5 s", 1_000, 2_500, 150);

        final String label;
        final long lockTtlMs;
        final int loadMs;
        final int backoffMs;

        Setup(String label, long lockTtlMs, int loadMs, int backoffMs) {
            this.label = label;
            this.lockTtlMs = lockTtlMs;
            this.loadMs = loadMs;
            this.backoffMs = backoffMs;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private ConceptContext ctx;
    private HerdTimeline timeline;
    private CodePanel code;
    private StepPlayer player;
    private Slider workers;
    private CheckBox useLock;
    private ComboBox<Setup> setup;
    private Label result;
    private Label dbQueue;
    private VBox history;
    private Button run;
    private int races;
    private HerdRace.Result lastResult;
    private GameDatabase db;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ConceptGroup group() {
        return ConceptGroup.CACHING;
    }

    @Override
    public String summary() {
        return "One expiry, many workers: a lock with SET NX EX lets one load the database";
    }

    @Override
    public List<String> keywords() {
        return List.of("SET NX", "lock", "stampede", "thundering herd", "EVALSHA", "Lua", "compare-and-delete", "expiry");
    }

    @Override
    public String title() {
        return "Thundering herd";
    }

    @Override
    public Node createView(ConceptContext context) {
        ctx = context;
        timeline = new HerdTimeline(ctx.palette());
        code = ctx.codePanel();
        code.show("Glide (Java): one worker", WORKER_CODE);
        player = new StepPlayer(new Stepper(), 700);
        result = new Label("Run the race, or step through it one command at a time.");
        result.setWrapText(true);
        result.getStyleClass().add("step-headline");
        result.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        dbQueue = new Label();
        dbQueue.getStyleClass().add("muted");
        history = new VBox(2);
        Label historyTitle = new Label("Database loads per expiry, race by race");
        historyTitle.getStyleClass().add("stat-caption");
        VBox below = new VBox(6, result, dbQueue, historyTitle, history);
        below.setPadding(new Insets(8, 0, 0, 0));
        VBox visual = new VBox(0, timeline, below);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        return ConceptPane.layout(ID, "Thundering herd: one expiry, many workers",
                "A hot key expires while workers read it at the same time. Every box below is a real command and its reply.",
                visual, controls(), """
                        When a hot item expires, every service that reads it misses at once and they all query the \
                        database together: the thundering herd. The fix from the talk is a lock in Valkey: a worker \
                        that misses runs SET lock token NX EX 5. NX lets exactly one worker take it; that worker reads \
                        the key once more (a worker that just finished may have filled it), loads the row, writes the value, and releases the lock with a script that deletes it only if it still \
                        holds its own token. The others wait briefly and read the cached value. The lock's TTL means a \
                        crashed holder cannot block everyone forever; if it expires during a slow load, a second \
                        worker gets in, and the safe release keeps the first from deleting the second one's lock.""", code);
    }

    private Node controls() {
        workers = new Slider(2, 64, 2);
        workers.setMajorTickUnit(1);
        workers.setSnapToTicks(true);
        workers.setBlockIncrement(1);
        Label count = new Label();
        count.textProperty().bind(workers.valueProperty().asString("%.0f workers"));
        count.setMinWidth(90);
        useLock = new CheckBox("Use the lock (SET lock NX EX)");
        useLock.setSelected(true);
        setup = new ComboBox<>();
        setup.getItems().addAll(Setup.values());
        setup.setValue(Setup.NORMAL);
        setup.setMaxWidth(Double.MAX_VALUE);
        run = new Button("Run the race");
        run.setId("herd-run");
        run.setOnAction(e -> runRace());
        Label stepTitle = new Label("Or step through it, one command at a time:");
        return ConceptPane.panel("Try it", new HBox(8, count, workers), useLock, setup, run, stepTitle, player.controls());
    }

    private HerdRace.Config config() {
        Setup s = setup.getValue();
        return new HerdRace.Config((int) Math.round(workers.getValue()), useLock.isSelected(), s.lockTtlMs, s.loadMs,
                s.backoffMs, 60, PLAYER);
    }

    private GameDatabase db() {
        if (db == null) db = ctx.service(GameDatabase.class).join();
        return db;
    }

    /** The race at full speed, all workers at once. */
    CompletableFuture<HerdRace.Result> runRace() {
        player.reset();
        HerdRace.Config cfg = config();
        timeline.reset(cfg.workers(), false);
        run.setDisable(true);
        result.setText(String.format(Locale.ROOT, "%d workers racing%s…", cfg.workers(), cfg.useLock() ? " with the lock" : ""));
        return new HerdRace(ctx.scope(ID, "race"), db(), cfg, HerdRace.Gate.OPEN, this::onEvent).run()
                .whenComplete((r, e) -> ctx.fx().execute(() -> finished(r, e)));
    }

    private void onEvent(HerdRace.Event e) {
        int queue = db().inFlight();
        ctx.fx().execute(() -> {
            timeline.add(e);
            dbQueue.setText(String.format(Locale.ROOT, "Database: %d load%s in flight right now", queue, queue == 1 ? "" : "s"));
        });
    }

    private void finished(HerdRace.Result r, Throwable e) {
        run.setDisable(false);
        if (e != null) {
            result.setText("The race failed: " + JournalFormat.errorMessage(e));
            return;
        }
        lastResult = r;
        races++;
        HerdRace.Config c = r.config();
        String same = r.allSame() ? String.format(Locale.ROOT, "All %d workers returned the same row ✓", c.workers())
                : "The workers returned different values ✗";
        result.setText(String.format(Locale.ROOT, "%d database load%s for one expiry %s. %s.%s", r.dbLoads(),
                r.dbLoads() == 1 ? "" : "s", c.useLock() ? "with the lock" : "without the lock", same,
                r.notOwnerReleases() > 0 ? String.format(Locale.ROOT, " %d release%s found the lock no longer its own and"
                        + " left it alone.", r.notOwnerReleases(), r.notOwnerReleases() == 1 ? "" : "s") : ""));
        Label row = new Label(String.format(Locale.ROOT, "#%d  %2d workers  %-12s  %2d DB load%s  %s  %,.1f ms", races,
                c.workers(), c.useLock() ? "with lock" : "no lock", r.dbLoads(), r.dbLoads() == 1 ? " " : "s",
                c.lockTtlMs() < 5_000 ? "(lock expired early)" : "", r.durationMicros() / 1000.0));
        row.getStyleClass().add(c.useLock() && r.dbLoads() == 1 ? "history-ok" : "history-bad");
        history.getChildren().add(0, row);
        if (history.getChildren().size() > 6) history.getChildren().remove(6);
    }

    /** Step mode: the race runs through a gate that lets one command go per step. */
    private final class Stepper implements StepPlayer.Scenario {
        private SteppedGate gate;
        private CompletableFuture<HerdRace.Result> race;
        private volatile int awaited = -1;
        private volatile CompletableFuture<HerdRace.Event> pending;

        @Override
        public CompletionStage<Boolean> step() {
            if (race == null) {
                gate = new SteppedGate();
                HerdRace.Config cfg = config();
                timeline.reset(cfg.workers(), true);
                result.setText("Step through: each step lets one waiting worker send its next command.");
                race = new HerdRace(ctx.scope(ID, "race"), db(), cfg, gate, e -> {
                    onEvent(e);
                    CompletableFuture<HerdRace.Event> p = pending;
                    if (p != null && e.worker() == awaited) p.complete(e);
                }).run();
                race.whenComplete((r, e) -> ctx.fx().execute(() -> finished(r, e)));
                return gate.nextArrival().thenApply(x -> true);
            }
            SteppedGate g = gate;
            CompletableFuture<HerdRace.Result> r = race;
            return CompletableFuture.anyOf(g.nextArrival(), r).thenCompose(x -> {
                if (r.isDone()) return CompletableFuture.completedFuture(false);
                CompletableFuture<HerdRace.Event> p = new CompletableFuture<>();
                SteppedGate.Waiting w = g.releaseOne(next -> {
                    // listen before letting it go: the reply can be back within microseconds
                    awaited = next.worker();
                    pending = p;
                });
                if (w == null) return CompletableFuture.completedFuture(true);
                // the step ends when that command's reply is back (or the race ends)
                return CompletableFuture.anyOf(p, r).thenApply(y -> !r.isDone() || g.waiting() > 0);
            });
        }

        @Override
        public void reset() {
            if (gate != null) gate.openAll();
            gate = null;
            race = null;
            pending = null;
        }
    }

    @Override
    public void activate() {
        // nothing polls here: the tab only talks to the server while a race runs
    }

    @Override
    public void deactivate() {
        if (player != null) player.pause();
    }

    @Override
    public Optional<StepPlayer> player() {
        return Optional.ofNullable(player);
    }

    /** Steps the race to its end without pauses (screenshots and tests). */
    CompletableFuture<HerdRace.Result> stepToEnd(int workerCount, boolean lock) {
        CompletableFuture<HerdRace.Result> done = new CompletableFuture<>();
        ctx.fx().execute(() -> {
            workers.setValue(workerCount);
            useLock.setSelected(lock);
            setup.setValue(Setup.NORMAL);
            player.reset();
            stepLoop(done);
        });
        return done;
    }

    private void stepLoop(CompletableFuture<HerdRace.Result> done) {
        player.stepOnce();
        Runnable check = new Runnable() {
            @Override
            public void run() {
                if (player.busyProperty().get()) {
                    CompletableFuture.delayedExecutor(20, java.util.concurrent.TimeUnit.MILLISECONDS).execute(() -> ctx.fx().execute(this));
                } else if (player.finishedProperty().get()) {
                    CompletableFuture.delayedExecutor(200, java.util.concurrent.TimeUnit.MILLISECONDS)
                            .execute(() -> ctx.fx().execute(() -> done.complete(lastResult)));
                } else if (!player.errorProperty().get().isEmpty()) {
                    done.completeExceptionally(new IllegalStateException(player.errorProperty().get()));
                } else {
                    stepLoop(done);
                }
            }
        };
        ctx.fx().execute(check);
    }

    private CompletableFuture<HerdRace.Result> race(int n, boolean lock, Setup s) {
        return dev.valkeyexplainer.concept.Async.onFx(ctx.fx(), () -> {
            workers.setValue(n);
            useLock.setSelected(lock);
            setup.setValue(s);
            return runRace();
        });
    }

    @Override
    public List<TalkStep> talkSteps() {
        return List.of(
                new TalkStep("Two workers, one lock", "The talk's walk-through: the hot key expires, two workers miss."
                        + " The first wins SET lock NX EX and loads from the database; the second fails NX and waits."
                        + " The winner writes the value and releases the lock; the second then reads a hit.",
                        () -> stepToEnd(2, true)),
                new TalkStep("32 workers without the lock", "Now 32 workers at once, no lock: every one of them misses"
                        + " and goes to the database. Point at the count of database loads: one per worker.",
                        () -> race(32, false, Setup.NORMAL)),
                new TalkStep("32 workers with the lock", "The same expiry with the lock: exactly one database load, and"
                        + " every worker returns the same row.",
                        () -> race(32, true, Setup.NORMAL)));
    }

    @Override
    public List<ScreenshotStep> screenshotSteps() {
        return List.of(
                new ScreenshotStep("herd-step", () -> stepToEnd(2, true).thenApply(r -> String.format(Locale.ROOT,
                        "Thundering herd, stepped as in the talk: 2 workers miss, one wins SET NX, loads and releases;"
                                + " %d database load, %d commands, same value for both: %s.", r.dbLoads(),
                        r.events().size() - 1, r.allSame()))),
                new ScreenshotStep("herd-race", () -> race(32, false, Setup.NORMAL).thenCompose(without ->
                        race(32, true, Setup.NORMAL).thenApply(with -> String.format(Locale.ROOT,
                                "Thundering herd, 32 workers in real time: %d database loads without the lock, %d with it"
                                        + " (%.1f ms); all returned the same row: %s.", without.dbLoads(), with.dbLoads(),
                                with.durationMicros() / 1000.0, with.allSame())))),
                new ScreenshotStep("herd-lock-expires", () -> race(4, true, Setup.LOCK_EXPIRES).thenApply(r -> String.format(
                        Locale.ROOT, "Thundering herd, the lock (1 s) expires during a 2.5 s load: %d database loads;"
                                + " %d release%s found the lock no longer its own and left it alone.", r.dbLoads(),
                        r.notOwnerReleases(), r.notOwnerReleases() == 1 ? "" : "s"))));
    }

    static final String WORKER_CODE = """
            String v = client.get(key).get();
            if (v != null) return v;          // a hit
            String token = UUID.randomUUID().toString();
            SetOptions nx = SetOptions.builder()
                .conditionalSetOnlyIfNotExist()
                .expiry(Expiry.Seconds(5L)).build();
            while (true) {
              if ("OK".equals(client.set(lock, token, nx).get())) {
                v = client.get(key).get();    // filled meanwhile?
                if (v == null) {
                  v = loadFromDatabase(id);   // the winner only
                  client.set(key, v, ex60).get();
                }
                // delete the lock only if it is still ours
                client.invokeScript(releaseLock, ScriptOptions
                    .builder().key(lock).arg(token).build()).get();
                return v;
              }
              Thread.sleep(25);  // someone else is loading
              v = client.get(key).get();
              if (v != null) return v;
            }

            Script releaseLock = new Script(
              "if redis.call('GET', KEYS[1]) == ARGV[1] then " +
              "return redis.call('DEL', KEYS[1]) end return 0", false);""";
}
