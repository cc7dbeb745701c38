package dev.valkeyexplainer.concepts.hll;

import dev.valkeyexplainer.concept.Async;
import dev.valkeyexplainer.concept.ScreenshotStep;
import dev.valkeyexplainer.concept.TalkStep;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The HyperLogLog concept's scenarios (talk and screenshots). They use the controls a user would and
 * wait for the state a picture needs (the grid's animation is waited for by the screenshot mode's
 * frame clock). A damaged key does not fail a picture: the picture shows the message naming the key,
 * and the caption says so.
 */
final class HllSteps {

    static final long WAIT_MS = 30_000;
    static final long SHOT_USERS = 100_000;

    private final Executor fx;
    private final HllView view;
    private final HllControlsController controls;

    HllSteps(Executor fx, HllView view, HllControlsController controls) {
        this.fx = fx;
        this.view = view;
        this.controls = controls;
    }

    List<TalkStep> talk() {
        return List.of(
                new TalkStep("Add a user", "Add alice. Her name is hashed; 14 bits of the hash pick one of 16,384"
                        + " registers, and the run of zeros in the rest gives the value. PFADD, then the server's own"
                        + " register is read back and checked against the computation.",
                        () -> Async.onFx(fx, () -> controls.addFully("alice"))),
                new TalkStep("Merge two games", "Game 1 has alice, bob and carol; game 2 has alice and doris. PFMERGE"
                        + " takes the larger value of each register, so alice counts once: 4, not 5.",
                        () -> Async.onFx(fx, controls::runMerge)),
                new TalkStep("Set vs HyperLogLog", "Add 100,000 users to a Set and to a HyperLogLog. Point at the error"
                        + " staying inside the band, and at the memory: megabytes for the Set, 12 KB for the HyperLogLog.",
                        () -> Async.onFx(fx, () -> controls.runExperiment(100_000))));
    }

    List<ScreenshotStep> screenshots() {
        return List.of(new ScreenshotStep("hll-add", this::addShot),
                new ScreenshotStep("hll-merge", () -> Async.onFx(fx, controls::runMerge)
                        .thenApply(r -> "HyperLogLog, merge: " + r.summary())),
                new ScreenshotStep("hll-experiment", this::experimentShot));
    }

    private CompletableFuture<String> addShot() {
        CompletableFuture<AddScenario.View> adds = CompletableFuture.completedFuture(null);
        for (String name : new String[]{"alice", "bob", "carol", "doris"}) {
            adds = adds.thenCompose(v -> Async.onFx(fx, () -> controls.addFully(name)));
        }
        return adds.handle((v, e) -> {
            if (e == null) return CompletableFuture.completedFuture(caption(v));
            HllDamage d = HllDamage.of(e);
            if (d == null) return CompletableFuture.<String>failedFuture(e);
            // the picture shows the damage message; the other pictures go on
            return CompletableFuture.completedFuture("HyperLogLog, adding a user: stopped, " + d.getMessage());
        }).thenCompose(f -> f);
    }

    private static String caption(AddScenario.View v) {
        HllSnapshot after = v.after();
        return String.format(Locale.ROOT, "HyperLogLog, adding a user: \"%s\" hashes to register %,d with value %d; PFADD"
                        + " returned %d; the server's register is now %d, as computed; PFCOUNT %d = exact %d; %s encoding, %,d"
                        + " bytes.", v.name(), v.hash().index(), v.hash().value(), v.reply() ? 1 : 0,
                after.state().register(v.hash().index()), after.pfcount(), after.exact(),
                after.state().encoding().name().toLowerCase(Locale.ROOT), after.state().byteLength());
    }

    private CompletableFuture<String> experimentShot() {
        return Async.onFx(fx, () -> controls.runExperiment(SHOT_USERS))
                .thenCompose(p -> Async.until(fx, "the grid shows the experiment's key after its last batch",
                        () -> view.pfcountText().equals(String.format(Locale.ROOT, "%,d", p.last().estimate())), WAIT_MS)
                        .thenApply(x -> {
                            Experiment.Point last = p.last();
                            return String.format(Locale.ROOT, "HyperLogLog, the experiment: %,d users in %d pipelines; PFCOUNT"
                                            + " %,d vs exact %,d (error %+.3f%%); Set %s vs HyperLogLog %s (MEMORY USAGE); dense"
                                            + " from %,d users.", last.exact(), p.points().size(), last.estimate(), last.exact(),
                                    100 * last.relativeError(), HllView.bytes(p.setBytes()), HllView.bytes(p.hllBytes()),
                                    p.switchedAt());
                        }));
    }
}
