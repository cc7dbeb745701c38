package dev.valkeyexplainer.app;

import glide.api.logging.Logger;
import java.util.logging.Level;

/**
 * What the app prints. By default only the app's own warnings and errors (SLF4J, slf4j-simple, on
 * stderr), and nothing from the libraries below it: Valkey GLIDE's native log lines (with colour
 * codes, on every reconnect attempt) are off, and JavaFX's note that it was loaded from the class
 * path is hidden. {@code --verbose} shows the app's info and debug lines and the libraries' warnings.
 * Must run before the first logger is created.
 */
final class AppLogging {

    /** Held so the JUL configuration is not garbage-collected with its logger. */
    private static java.util.logging.Logger javafx;

    private AppLogging() {
    }

    static void configure(boolean verbose) {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        setIfAbsent("org.slf4j.simpleLogger.log.com.zaxxer", "warn");
        if (verbose) System.setProperty("vx.verbose", "true");
        Logger.init(verbose ? Logger.Level.WARN : Logger.Level.OFF);
        javafx = java.util.logging.Logger.getLogger("javafx");
        javafx.setLevel(verbose ? Level.INFO : Level.SEVERE);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
