package dev.valkeyexplainer.valkey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic work that survives a bad tick. A task given to {@code scheduleAtFixedRate} or
 * {@code scheduleWithFixedDelay} that throws is never run again, silently (see
 * {@link java.util.concurrent.ScheduledExecutorService}): live traffic, a gauge or a health check
 * would stop for good while the screen still shows it running, e.g. after a command was refused
 * while a restarted server's connections were being rebuilt. Every periodic task of the app is
 * wrapped with {@link #surviving}.
 */
public final class Periodic {

    private static final Logger LOG = LoggerFactory.getLogger(Periodic.class);

    private Periodic() {
    }

    /** {@code tick}, with any {@link RuntimeException} logged (debug) instead of ending the schedule. */
    public static Runnable surviving(String what, Runnable tick) {
        return () -> {
            try {
                tick.run();
            } catch (RuntimeException e) {
                LOG.debug("{}: one tick failed; the next one runs as planned", what, e);
            }
        };
    }
}
