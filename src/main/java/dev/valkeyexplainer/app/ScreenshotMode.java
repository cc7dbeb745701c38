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
            boolean windowTaken = false;
            for (Concept c : services.registry().all()) {
                if (options.tab() != null && !options.tab().equals(c.id())) continue; // --tab ID: only that concept
                onFx(() -> {
                    window.select(c);
                    return null;
                });
                Thread.sleep(400);
                for (ScreenshotStep step : c.screenshotSteps()) {
                    String caption;
                    try {
                        caption = step.prepare().get().toCompletableFuture().get(180, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.TimeoutException e) {
                        throw new IllegalStateException("step " + step.name() + " did not finish within 180 s");
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IllegalStateException("step " + step.name() + ": " + JournalFormat.errorMessage(e), e);
                    }
                    settle(window);
                    Path file = dir.resolve(step.name() + ".png");
                    Node content = onFx(window::conceptArea);
                    write(content, file);
                    shots.add(new Shot(file.getFileName().toString(), caption));
                    System.out.println("wrote " + file + ": " + caption);
                    if (!windowTaken) {
                        Path whole = dir.resolve("window.png");
                        write(window.root(), whole);
                        shots.add(0, new Shot(whole.getFileName().toString(), "The whole window: " + caption));
                        windowTaken = true;
                    }
                }
            }
            writeIndex(dir, shots, services);
            return 0;
        } catch (Exception e) {
            System.err.println("Screenshot mode failed: " + JournalFormat.errorMessage(e));
            return 1;
        } finally {
            services.close();
            Platform.exit();
        }
    }

    /** Waits until the frame clock reports nothing moving, plus a few pulses for layout and CSS. */
    private static void settle(MainWindow window) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!onFx(() -> window.clock().idle()) && System.nanoTime() < end) Thread.sleep(50);
        Thread.sleep(300);
    }

    private static void write(Node node, Path file) throws Exception {
        WritableImage img = onFx(() -> {
            SnapshotParameters p = new SnapshotParameters();
            return node.snapshot(p, null);
        });
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
    }

    private static void writeIndex(Path dir, List<Shot> shots, AppServices services) throws IOException {
        StringBuilder md = new StringBuilder("# Valkey Explainer screenshots\n\n");
        md.append("Made by `./run --screenshots ").append(dir).append("` against ")
                .append(services.gateway().status().target()).append(" (Valkey ")
                .append(services.gateway().status().version()).append("). Every figure in a caption was read from the"
                        + " server or measured while the picture was taken.\n\n");
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
