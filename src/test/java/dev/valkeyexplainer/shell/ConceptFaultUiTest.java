package dev.valkeyexplainer.shell;

import static dev.valkeyexplainer.testutil.UiApp.waitUntil;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.valkeyexplainer.app.ConceptRegistry;
import dev.valkeyexplainer.concept.Concept;
import dev.valkeyexplainer.concept.TalkStep;
import dev.valkeyexplainer.testutil.OwnServerUiTest;
import dev.valkeyexplainer.valkey.ConnectionStatus;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.framework.junit5.Start;

/**
 * The shared fault test, run for every concept in the catalog (a new concept gets it by being
 * registered): its scenario (its talk steps, the same buttons a user presses) runs, the server is
 * killed with SIGKILL in the middle, then restarted on the same port. The status bar must say "not
 * connected" within a second, the interrupted scenario must end (not hang), no exception may escape
 * to a thread, no frame may freeze for a second, and the same scenario must then work again.
 */
class ConceptFaultUiTest extends OwnServerUiTest {

    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();

    @BeforeAll
    void catchEscapedExceptions() {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
    }

    @Start
    void start(Stage stage) {
        app.start(stage);
    }

    Stream<String> conceptIds() {
        return ConceptRegistry.standard().ids().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conceptIds")
    void survivesTheServerKilledAndRestartedMidScenario(String id) throws Exception {
        waitUntil("connected", () -> app.services.gateway().status().connected());
        Concept concept = onFx(() -> {
            assertTrue(app.window.select(id));
            return app.window.active();
        });
        List<TalkStep> steps = onFx(concept::talkSteps);
        assertFalse(steps.isEmpty(), id + " has no talk steps: the fault test (and talk mode) run them");
        AtomicLong maxGapNanos = new AtomicLong();
        AnimationTimer frames = frameWatch(maxGapNanos);
        Platform.runLater(frames::start);
        uncaught.clear();
        try {
            // 1. the scenario runs; once it has sent a command, the server dies
            int before = app.services.journal().size();
            CompletableFuture<Void> interrupted = runAll(steps);
            waitUntil(id + " sent a command", () -> app.services.journal().snapshot().stream().skip(before)
                    .anyMatch(e -> e.conceptId().equals(id)) || interrupted.isDone());
            long killed = System.nanoTime();
            server.kill();
            restartNeeded = true;
            waitUntil("the gateway noticed", () -> app.services.gateway().status().state() == ConnectionStatus.State.DOWN);
            long noticedMs = (System.nanoTime() - killed) / 1_000_000;
            assertTrue(noticedMs <= 1_000, "noticed the outage after " + noticedMs + " ms");
            waitUntil("the status bar says so", () -> app.window.statusBar().stateText().equals("Not connected"));
            try {
                interrupted.get(60, TimeUnit.SECONDS); // it may fail; it must not hang
            } catch (java.util.concurrent.ExecutionException expected) {
                // a step that failed because the server died is fine: it said so
            } catch (java.util.concurrent.TimeoutException e) {
                fail(id + ": the scenario interrupted by the outage never ended");
            }

            // 2. the server comes back on the same port; the same buttons work again
            server.restart();
            restartNeeded = false;
            waitUntil("reconnected", () -> app.services.gateway().status().connected());
            try {
                runAll(steps).get(120, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                fail(id + ": the scenario failed after the server came back: " + e.getCause(), e);
            }
            assertTrue(uncaught.isEmpty(), id + ": uncaught exceptions: " + describe(uncaught));
            long gapMs = maxGapNanos.get() / 1_000_000;
            assertTrue(gapMs < 1_000, id + ": a frame froze for " + gapMs + " ms");
        } finally {
            Platform.runLater(frames::stop);
            // a concept that failed before the restart must not leave the next one without a server
            if (restartNeeded) {
                server.restart();
                restartNeeded = false;
            }
        }
    }

    private boolean restartNeeded;

    /** Each exception with the frames that say where it came from (the message alone does not). */
    private static String describe(List<Throwable> errors) {
        StringBuilder out = new StringBuilder();
        for (Throwable e : errors) {
            out.append('\n').append(e);
            StackTraceElement[] trace = e.getStackTrace();
            for (int i = 0; i < Math.min(trace.length, 25); i++) out.append("\n    at ").append(trace[i]);
        }
        return out.toString();
    }

    /** The steps one after the other, each started on the FX thread as a button would. */
    private static CompletableFuture<Void> runAll(List<TalkStep> steps) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (TalkStep s : steps) {
            chain = chain.thenCompose(x -> {
                CompletableFuture<Void> step = new CompletableFuture<>();
                Platform.runLater(() -> {
                    try {
                        s.action().get().whenComplete((v, e) -> {
                            if (e != null) step.completeExceptionally(e);
                            else step.complete(null);
                        });
                    } catch (RuntimeException e) {
                        step.completeExceptionally(e);
                    }
                });
                return step;
            });
        }
        return chain;
    }

    private static AnimationTimer frameWatch(AtomicLong maxGap) {
        return new AnimationTimer() {
            private long last = -1;

            @Override
            public void handle(long now) {
                if (last > 0) maxGap.accumulateAndGet(now - last, Math::max);
                last = now;
            }
        };
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }
}
