package dev.valkeyexplainer.app.bench;

import dev.valkeyexplainer.app.AppServices;
import dev.valkeyexplainer.app.ConceptRegistry;
import dev.valkeyexplainer.app.Options;
import dev.valkeyexplainer.concept.Concept;
import dev.valkeyexplainer.concept.TalkStep;
import dev.valkeyexplainer.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * What {@link Benchmarks} runs in a child JVM with a real window (Xvfb when there is no display),
 * printing one line per figure for the parent to read:
 * <ul>
 *   <li>{@code empty}: an empty JavaFX app, launched the same way: {@code FIRST_FRAME} at its first pulse;</li>
 *   <li>{@code app}: the app on its sandbox server: {@code FIRST_FRAME} at the first pulse after the Server
 *       view received live server data;</li>
 *   <li>{@code frames SECONDS}: the app, each concept in turn with its scenario (talk steps) running in a
 *       loop: {@code FRAMES id n p50 p99 over20 max} from the intervals between pulses, then {@code RSS}.</li>
 * </ul>
 * Every mode ends with {@code RSS <peak resident kB>} (VmHWM from /proc/self/status).
 */
public final class Probe {

    private Probe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "empty";
        switch (mode) {
            case "empty" -> empty();
            case "app" -> app(0);
            case "frames" -> app(args.length > 1 ? Integer.parseInt(args[1]) : 8);
            default -> throw new IllegalArgumentException("mode: empty | app | frames SECONDS");
        }
    }

    private static void empty() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(new Label("empty")), 1600, 960));
            stage.show();
            onFirstPulse(() -> {
                System.out.println("FIRST_FRAME");
                done.complete(null);
            });
        });
        done.get(60, TimeUnit.SECONDS);
        System.out.println("RSS " + peakRssKb());
        System.exit(0);
    }

    private static void app(int secondsPerConcept) throws Exception {
        // as the app starts: the toolkit first, on a thread of its own, then the options, services and connection
        CompletableFuture<Void> toolkit = new CompletableFuture<>();
        Thread fxStart = new Thread(() -> Platform.startup(() -> toolkit.complete(null)), "vx-fx-startup");
        fxStart.setDaemon(true);
        fxStart.start();
        Options.Parsed options = Options.parse();
        AppServices services = new AppServices(options, ConceptRegistry.standard());
        services.connectInitial();
        toolkit.get(60, TimeUnit.SECONDS);
        CompletableFuture<MainWindow> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            MainWindow w = new MainWindow(services, Platform::runLater);
            Stage stage = new Stage();
            Scene scene = new Scene(w.root(), options.width(), options.height());
            w.install(scene, stage);
            stage.setScene(scene);
            stage.show();
            shown.complete(w);
        });
        MainWindow window = shown.get(60, TimeUnit.SECONDS);
        // live data: the Server view's poller got an INFO reply; then one more pulse draws it
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (services.journal().snapshot().stream().noneMatch(e -> e.conceptId().equals("server")
                && e.commandText().startsWith("INFO") && !e.error())) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("no live data within 60 s");
            Thread.sleep(5);
        }
        CompletableFuture<Void> drawn = new CompletableFuture<>();
        Platform.runLater(() -> onFirstPulse(() -> drawn.complete(null)));
        drawn.get(10, TimeUnit.SECONDS);
        System.out.println("FIRST_FRAME");
        if (secondsPerConcept > 0) frames(window, services, secondsPerConcept);
        System.out.println("RSS " + peakRssKb());
        services.close();
        System.exit(0);
    }

    /** Each concept on screen with its scenario looping; pulse intervals recorded meanwhile. */
    private static void frames(MainWindow window, AppServices services, int seconds) throws Exception {
        for (Concept c : services.concepts()) {
            long rssBefore = peakRssKb();
            List<TalkStep> steps = onFx(() -> {
                window.select(c.id());
                return c.talkSteps();
            });
            List<Long> intervals = new ArrayList<>();
            long[] last = {-1};
            AnimationTimer timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (last[0] > 0) intervals.add(now - last[0]);
                    last[0] = now;
                }
            };
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            Thread.sleep(500); // the view's first build is start-up, not pacing
            Platform.runLater(timer::start);
            int failures = 0;
            while (System.nanoTime() < end) {
                for (TalkStep s : steps) {
                    if (System.nanoTime() >= end) break;
                    try {
                        onFx(() -> s.action().get().toCompletableFuture()).get(Math.max(1, (end - System.nanoTime()) / 1_000_000_000L)
                                + 30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        failures++;
                    }
                }
                if (steps.isEmpty()) Thread.sleep(200);
            }
            CompletableFuture<long[]> copy = new CompletableFuture<>();
            Platform.runLater(() -> {
                timer.stop();
                copy.complete(intervals.stream().mapToLong(Long::longValue).toArray());
            });
            long[] iv = copy.get(10, TimeUnit.SECONDS);
            Arrays.sort(iv);
            int n = iv.length;
            long over20 = Arrays.stream(iv).filter(v -> v > 20_000_000L).count();
            System.out.printf(Locale.ROOT, "FRAMES %s %d %.1f %.1f %.2f %.1f %d %d%n", c.id(), n, n == 0 ? 0 : iv[n / 2] / 1e6,
                    n == 0 ? 0 : iv[Math.min(n - 1, n * 99 / 100)] / 1e6, n == 0 ? 0 : 100.0 * over20 / n,
                    n == 0 ? 0 : iv[n - 1] / 1e6, failures, rssBefore);
        }
    }

    private static void onFirstPulse(Runnable r) {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                r.run();
            }
        }.start();
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
        return f.get(60, TimeUnit.SECONDS);
    }

    /** Peak resident set size of this process in kB (Linux VmHWM), or -1 elsewhere. */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
