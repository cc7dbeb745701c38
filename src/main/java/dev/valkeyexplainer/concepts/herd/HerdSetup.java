package dev.valkeyexplainer.concepts.herd;

/**
 * The set-ups the concept offers. Played in real time, the race takes milliseconds and the lock's TTL
 * is the talk's 5 s. Stepped by a presenter, one command per key press, the same race takes minutes:
 * a 5 s lock would expire during a pause and let a second worker in, the opposite of the lesson. So
 * step mode uses {@link #stepLockTtlMs} (10 minutes, said on screen, with the lock's live TTL shown
 * counting down) unless the presenter picked the set-up whose point is that the lock expires.
 */
enum HerdSetup {
    NORMAL("Lock TTL 5 s, load 40 ms", 5_000, 600_000, 40, 25),
    LOCK_EXPIRES("Lock expires mid-load: TTL 1 s, load 1.5 s", 1_000, 1_000, 1_500, 150);

    /** The cached value's TTL in real time, and in step mode (long, for the same reason as the lock's). */
    static final int VALUE_TTL_SECONDS = 60;
    static final int STEP_VALUE_TTL_SECONDS = 600;

    final String label;
    final long lockTtlMs;
    final long stepLockTtlMs;
    final int loadMs;
    final int backoffMs;

    HerdSetup(String label, long lockTtlMs, long stepLockTtlMs, int loadMs, int backoffMs) {
        this.label = label;
        this.lockTtlMs = lockTtlMs;
        this.stepLockTtlMs = stepLockTtlMs;
        this.loadMs = loadMs;
        this.backoffMs = backoffMs;
    }

    /** The race's configuration for this set-up, in real time or stepped. */
    HerdRace.Config config(int workers, boolean useLock, boolean stepped, int playerId) {
        return new HerdRace.Config(workers, useLock, stepped ? stepLockTtlMs : lockTtlMs, loadMs, backoffMs,
                stepped && this == NORMAL ? STEP_VALUE_TTL_SECONDS : VALUE_TTL_SECONDS, playerId);
    }

    @Override
    public String toString() {
        return label;
    }
}
