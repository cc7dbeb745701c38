package dev.valkeyexplainer.concepts.herd;

import dev.valkeyexplainer.concept.Async;
import dev.valkeyexplainer.concept.ScreenshotStep;
import dev.valkeyexplainer.concept.StepPlayer;
import dev.valkeyexplainer.concept.TalkStep;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.value.ChangeListener;

/**
 * The thundering-herd concept's scenarios (talk and screenshots). They press the controls a user
 * would: the step player's Step until the race is over, or "Run the race". Each step waits for the
 * player to finish the one before (a listener on its busy flag), never for a fixed time.
 */
final class HerdSteps {

    private final Executor fx;
    private final HerdControlsController controls;

    HerdSteps(Executor fx, HerdControlsController controls) {
        this.fx = fx;
        this.controls = controls;
    }

    List<TalkStep> talk() {
        return List.of(
                new TalkStep("Two workers, one lock", "The talk's walk-through: the hot key expires, two workers miss."
                        + " The first wins SET lock NX EX and loads from the database; the second fails NX and waits."
                        + " The winner writes the value and releases the lock; the second then reads a hit. In step mode"
                        + " the lock lives 10 minutes, so take your time: point at its TTL counting down under the race.",
                        () -> stepToEnd(2, true)),
                new TalkStep("32 workers without the lock", "Now 32 workers at once, no lock: every one of them misses"
                        + " and goes to the database. Point at the count of database loads: one per worker.",
                        () -> race(32, false, HerdSetup.NORMAL)),
                new TalkStep("32 workers with the lock", "The same expiry with the lock: exactly one database load, and"
                        + " every worker returns the same row.",
                        () -> race(32, true, HerdSetup.NORMAL)));
    }

    List<ScreenshotStep> screenshots() {
        return List.of(
                new ScreenshotStep("herd-step", () -> stepToEnd(2, true).thenApply(r -> String.format(Locale.ROOT,
                        "Thundering herd, stepped as in the talk (lock TTL %d min in step mode): 2 workers miss, one wins SET NX,"
                                + " loads and releases; %d database load, %d commands, same value for both: %s.",
                        r.config().lockTtlMs() / 60_000, r.dbLoads(), r.events().size() - 1, r.allSame()))),
                new ScreenshotStep("herd-race", () -> race(32, false, HerdSetup.NORMAL).thenCompose(without ->
                        race(32, true, HerdSetup.NORMAL).thenApply(with -> String.format(Locale.ROOT,
                                "Thundering herd, 32 workers in real time: %d database loads without the lock, %d with it"
                                        + " (%.1f ms); all returned the same row: %s.", without.dbLoads(), with.dbLoads(),
                                with.durationMicros() / 1000.0, with.allSame())))),
                new ScreenshotStep("herd-lock-expires", () -> race(4, true, HerdSetup.LOCK_EXPIRES).thenApply(r -> String.format(
                        Locale.ROOT, "Thundering herd, the lock (%d s) expires during a %.1f s load: %d database loads;"
                                + " %d release%s found the lock no longer its own and left it alone.", r.config().lockTtlMs() / 1000,
                        r.config().dbDelayMs() / 1000.0, r.dbLoads(), r.notOwnerReleases(), r.notOwnerReleases() == 1 ? "" : "s"))));
    }

    private CompletableFuture<HerdRace.Result> race(int n, boolean lock, HerdSetup s) {
        return Async.onFx(fx, () -> {
            controls.configure(n, lock, s);
            return controls.runRace();
        });
    }

    /** Steps a race from the start to its end with the step player, as fast as the replies come. */
    CompletableFuture<HerdRace.Result> stepToEnd(int workers, boolean lock) {
        return Async.onFx(fx, () -> {
            controls.configure(workers, lock, HerdSetup.NORMAL);
            controls.player().reset();
            return stepUntilFinished(controls.player());
        }).thenCompose(x -> controls.stepper().race());
    }

    private CompletableFuture<Void> stepUntilFinished(StepPlayer player) {
        return stepOnce(player).thenCompose(x -> Async.onFx(fx, () -> {
            String error = player.errorProperty().get();
            if (!error.isEmpty()) return CompletableFuture.failedFuture(new IllegalStateException(error));
            if (player.finishedProperty().get()) return CompletableFuture.completedFuture(null);
            return stepUntilFinished(player);
        }));
    }

    /** One press of Step (FX thread); completes when the player is no longer busy with it. */
    private static CompletableFuture<Void> stepOnce(StepPlayer player) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        ChangeListener<Boolean> idle = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean busy) {
                if (!busy) {
                    o.removeListener(this);
                    done.complete(null);
                }
            }
        };
        player.busyProperty().addListener(idle);
        player.stepOnce();
        if (!player.busyProperty().get()) {
            player.busyProperty().removeListener(idle);
            done.complete(null);
        }
        return done;
    }
}
