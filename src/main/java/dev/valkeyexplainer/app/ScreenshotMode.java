package dev.valkeyexplainer.app;

import dev.valkeyexplainer.concept.Concept;
import dev.valkeyexplainer.app.ConceptRegistry;
import dev.valkeyexplainer.concept.ScreenshotStep;
import dev.valkeyexplainer.shell.MainWindow;
import dev.valkeyexplainer.valkey.ConnectionStatus;
import dev.valkeyexplainer.valkey.JournalFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * {@code --screenshots DIR}: renders headless with Monocle (no display needed), drives each tab to a
 * representative state with real commands against the sandbox (or --connect) server, and writes
 * one PNG per step plus the whole window, and {@code index.md} with captions that carry the live
 * figures.
 */
public final class ScreenshotMode {

    private ScreenshotMode() {
    }

    record Shot(String file, String caption) {
    }

    public static int run(Options.Parsed options) {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        // Monocle's headless screen is 1280x800 unless told otherwise; a larger window overflows its buffer.
        System.setProperty("headless.geometry", (options.width() + 64) + "x" + (options.height() + 64) + "-32");
        Path dir = options.screenshots();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            System.err.println("Cannot create " + dir + ": " + e.getMessage());
            return 1;
        }
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        AppServices services = new AppServices(options, ConceptRegistry.standard());
        try {
            ConnectionStatus status = services.connectInitial().get(60, TimeUnit.SECONDS);
            if (!status.connected()) {
                System.err.println("Screenshots need a server: " + status.message());
                return 1;
            }
            MainWindow window = onFx(() -> {
                MainWindow w = new MainWindow(services, Platform::runLater);
                w.setJournalShare(0.18); // the tab pictures are the point here: give the tabs the room
                Stage stage = new Stage();
                Scene scene = new Scene(w.root(), options.width(), options.height());
                w.install(scene, stage);
                stage.setScene(scene);
                stage.show();
                return w;
            });
            List<Shot> shots = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            boolean windowTaken = false;
            for (Concept c : services.registry().all()) {
                if (options.tab() != null && !options.tab().equals(c.id())) continue; // --tab ID: only that concept
                onFx(() -> {
                    window.select(c);
                    return null;
                });
                pulses(2); // the view is built and laid out
                for (ScreenshotStep step : c.screenshotSteps()) {
                    String caption;
                    long t0 = System.nanoTime();
                    try {
                        caption = step.prepare().get().toCompletableFuture().get(180, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        // one concept's failure never stops the others' pictures: say which and go on
                        String why = e instanceof java.util.concurrent.TimeoutException ? "did not finish within 180 s"
                                : JournalFormat.errorMessage(e);
                        failed.add(step.name() + " (" + c.title() + "): " + why);
                        System.err.println("step " + step.name() + " failed: " + why);
                        continue;
                    }
                    settle(window);
                    Path file = dir.resolve(step.name() + ".png");
                    Node content = onFx(window::conceptArea);
                    write(content, file);
                    shots.add(new Shot(file.getFileName().toString(), caption));
                    System.out.printf(java.util.Locale.ROOT, "wrote %s in %.1f s: %s%n", file, (System.nanoTime() - t0) / 1e9,
                            caption);
                    if (!windowTaken) {
                        Path whole = dir.resolve("window.png");
                        write(window.root(), whole);
                        shots.add(0, new Shot(whole.getFileName().toString(), "The whole window: " + caption));
                        windowTaken = true;
                    }
                }
            }
            writeIndex(dir, shots, failed, services);
            if (!services.gateway().status().sandbox()) {
                // a server the app did not start keeps nothing of the pictures: remove the namespace the steps wrote
                long removed = services.gateway().resetNamespace("screenshots").get(120, TimeUnit.SECONDS);
                System.out.printf(java.util.Locale.ROOT, "removed the %,d keys the pictures wrote under %s on %s%n", removed,
                        services.gateway().namespace().prefix(), services.gateway().status().target());
            }
            return failed.isEmpty() ? 0 : 1;
        } catch (Exception e) {
            System.err.println("Screenshot mode failed: " + JournalFormat.errorMessage(e));
            return 1;
        } finally {
            services.close();
            Platform.exit();
        }
    }

    /** Waits until the frame clock reports nothing moving, then for layout, CSS and a redraw (three pulses). */
    private static void settle(MainWindow window) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!onFx(() -> window.clock().idle()) && System.nanoTime() < end) pulses(1);
        pulses(3);
    }

    /** Returns after {@code n} pulses of the FX toolkit (each one a CSS + layout + render pass). */
    private static void pulses(int n) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> new javafx.animation.AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                if (++seen >= n) {
                    stop();
                    done.complete(null);
                }
            }
        }.start());
        done.get(10, TimeUnit.SECONDS);
    }

    private static void write(Node node, Path file) throws Exception {
        WritableImage img = onFx(() -> {
            SnapshotParameters p = new SnapshotParameters();
            return node.snapshot(p, null);
        });
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
    }

    private static void writeIndex(Path dir, List<Shot> shots, List<String> failed, AppServices services) throws IOException {
        StringBuilder md = new StringBuilder("# Valkey Explainer screenshots\n\n");
        md.append("Made by `./run --screenshots ").append(dir).append("` against ")
                .append(services.gateway().status().target()).append(" (Valkey ")
                .append(services.gateway().status().version()).append("). Every figure in a caption was read from the"
                        + " server or measured while the picture was taken.\n\n");
        if (!failed.isEmpty()) {
            md.append("**Pictures that could not be made** (the others were):\n\n");
            for (String f : failed) md.append("- ").append(f).append("\n");
            md.append("\n");
        }
        for (Shot s : shots) {
            md.append("![").append(s.file()).append("](").append(s.file()).append(")\n\n")
                    .append(s.caption()).append("\n\n");
        }
        Files.writeString(dir.resolve("index.md"), md.toString(), StandardCharsets.UTF_8);
    }

    static <T> T onFx(Callable<T> work) throws Exception {
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
}
