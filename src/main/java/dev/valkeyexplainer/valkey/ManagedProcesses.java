package dev.valkeyexplainer.valkey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;

/**
 * The clean-up that the sandbox server ({@link ManagedValkeyServer}) and the app's own cluster
 * ({@link ManagedValkeyCluster}) share: stopping their shell watchdog, removing their temporary
 * directory (which holds the password in a config file), and removing the JVM shutdown hook once
 * they stopped by themselves.
 */
final class ManagedProcesses {

    private ManagedProcesses() {
    }

    /** Stops the watchdog: SIGTERM, then SIGKILL after 3 s. Null: nothing to stop. */
    static void stopWatchdog(Process watchdog) {
        if (watchdog == null) return;
        watchdog.destroy();
        try {
            if (!watchdog.waitFor(3, TimeUnit.SECONDS)) watchdog.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes {@code dir} and everything under it; a failure is logged with {@code what}, never thrown. */
    static void deleteTree(Path dir, Logger log, String what) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("could not remove {} {}: {}", what, dir, e.toString());
        }
    }

    /** Removes a shutdown hook that is no longer needed (null, or the JVM already shutting down: nothing to do). */
    static void removeShutdownHook(Thread hook) {
        if (hook == null) return;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }
}
