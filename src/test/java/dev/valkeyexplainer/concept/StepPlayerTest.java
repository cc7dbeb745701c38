package dev.valkeyexplainer.concept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class StepPlayerTest {

    /** Three steps; each completes when the test says so, like a command waiting for the server. */
    static final class ThreeSteps implements StepPlayer.Scenario {
        int done;
        int resets;
        final List<CompletableFuture<Boolean>> pending = new ArrayList<>();

        @Override
        public CompletionStage<Boolean> step() {
            CompletableFuture<Boolean> f = new CompletableFuture<>();
            pending.add(f);
            return f.thenApply(x -> {
                done++;
                return done < 3;
            });
        }

        @Override
        public void reset() {
            done = 0;
            resets++;
        }

        void finishLast() {
            pending.get(pending.size() - 1).complete(true);
        }
    }

    private final List<Runnable> delayed = new ArrayList<>();

    private StepPlayer player(ThreeSteps s) {
        return new StepPlayer(s, 500, Runnable::run, (r, ms) -> delayed.add(r));
    }

    @Test
    void stepRunsOneStepAndIgnoresPressesWhileItIsBusy() {
        ThreeSteps s = new ThreeSteps();
        StepPlayer p = player(s);
        p.stepOnce();
        p.stepOnce();
        assertEquals(1, s.pending.size(), "a second press while the first step waits is ignored");
        assertTrue(p.busyProperty().get());
        s.finishLast();
        assertEquals(1, s.done);
        assertFalse(p.busyProperty().get());
    }

    @Test
    void playChainsStepsAfterTheDelayUntilTheScenarioEnds() {
        ThreeSteps s = new ThreeSteps();
        StepPlayer p = player(s);
        p.play();
        s.finishLast();
        assertEquals(1, delayed.size(), "the next step waits for the delay");
        delayed.remove(0).run();
        s.finishLast();
        delayed.remove(0).run();
        s.finishLast();
        assertEquals(3, s.done);
        assertTrue(p.finishedProperty().get());
        assertFalse(p.playingProperty().get());
        assertTrue(delayed.isEmpty());
        p.play();
        assertEquals(1, s.resets, "playing a finished scenario starts it over");
        assertFalse(p.finishedProperty().get());
    }

    @Test
    void pauseStopsBeforeTheNextStepAndResetStartsOver() {
        ThreeSteps s = new ThreeSteps();
        StepPlayer p = player(s);
        p.play();
        p.pause();
        s.finishLast();
        assertTrue(delayed.isEmpty());
        p.reset();
        assertEquals(1, s.resets);
        assertEquals(0, s.done);
        assertFalse(p.finishedProperty().get());
    }

    @Test
    void aFailedStepPausesAndSaysWhy() {
        ThreeSteps s = new ThreeSteps();
        StepPlayer p = player(s);
        p.play();
        s.pending.get(0).completeExceptionally(new IllegalStateException("server went away"));
        assertFalse(p.playingProperty().get());
        assertTrue(p.errorProperty().get().contains("server went away"), p.errorProperty().get());
    }
}
