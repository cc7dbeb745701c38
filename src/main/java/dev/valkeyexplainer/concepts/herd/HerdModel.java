package dev.valkeyexplainer.concepts.herd;

import dev.valkeyexplainer.db.GameDatabase;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The thundering-herd concept's state, without nodes: the game database (a shared service started off
 * the FX thread; races wait for it, nothing else does), the race in progress and its events, the last
 * races' results, and the lock's live state while a race runs. Each race has a number; events and
 * results of a race that was replaced (Reset, a new race) are dropped, so an old race never draws over
 * a new one.
 */
final class HerdModel {

    static final int PLAYER = 42;
    static final int HISTORY = 6;

    /** A race's event, tagged with the race it belongs to. */
    private record Tagged(int race, HerdRace.Event event) {
    }

    /** The lock as the server has it now: its holder's token (null: free) and its PTTL (ms, negative: none). */
    record LockState(int race, String owner, long pttlMs, long ttlMs, boolean stepped) {
    }

    /** A race that ended, in the history (newest first). */
    record Finished(int number, HerdRace.Result result) {
    }

    private final ValkeyGateway.Scope valkey;
    private final CompletableFuture<GameDatabase> database;
    private final ConcurrentLinkedQueue<Tagged> events = new ConcurrentLinkedQueue<>();
    private final List<Finished> history = new ArrayList<>();
    private volatile int race;
    private volatile boolean running;
    private volatile HerdRace.Config config;
    private volatile boolean stepped;
    private volatile long endedNanos;
    private int finished;

    HerdModel(ValkeyGateway.Scope valkey, CompletableFuture<GameDatabase> database) {
        this.valkey = valkey;
        this.database = database;
    }

    CompletableFuture<Void> ready() {
        return database.thenApply(db -> null);
    }

    String key() {
        return valkey.key("herd:player:" + PLAYER);
    }

    String lockKey() {
        return valkey.key("lock:herd:player:" + PLAYER);
    }

    /**
     * Starts race number {@link #race()} + 1 through {@code gate} (the open gate in real time, a stepped
     * one in step mode). Its events reach {@link #drain} (and {@code observer}, on the thread that saw the
     * reply); the future completes with its result.
     */
    CompletableFuture<HerdRace.Result> start(HerdRace.Config cfg, HerdRace.Gate gate, boolean steppedRace,
                                             java.util.function.Consumer<HerdRace.Event> observer) {
        int number = ++race;
        config = cfg;
        stepped = steppedRace;
        running = true;
        return database.thenCompose(db -> new HerdRace(valkey.worker("race"), db, cfg, gate, e -> {
                    events.add(new Tagged(number, e));
                    observer.accept(e);
                }).run())
                .whenComplete((r, e) -> {
                    if (number == race) {
                        endedNanos = System.nanoTime();
                        running = false;
                    }
                });
    }

    /** Forgets the race in progress (its events and result will be dropped). */
    void abandon() {
        race++;
        running = false;
        events.clear();
    }

    int race() {
        return race;
    }

    boolean running() {
        return running;
    }

    HerdRace.Config config() {
        return config;
    }

    /** The current race's events since the last call (FX thread, once per frame); others are dropped. */
    List<HerdRace.Event> drain() {
        List<HerdRace.Event> out = new ArrayList<>();
        int current = race;
        for (Tagged t; (t = events.poll()) != null; ) if (t.race() == current) out.add(t.event());
        return out;
    }

    /** The database's queue right now (0 before it has started). */
    int databaseQueue() {
        return database.isDone() && !database.isCompletedExceptionally() ? database.join().inFlight() : 0;
    }

    /** Records a result if it is the current race's; returns whether it was. FX thread. */
    boolean finished(int number, HerdRace.Result r) {
        if (number != race) return false;
        history.add(0, new Finished(++finished, r));
        if (history.size() > HISTORY) history.remove(HISTORY);
        return true;
    }

    List<Finished> history() {
        return List.copyOf(history);
    }

    /**
     * The lock's live state while a race runs, and for a second after it ended (so the last look shows how
     * it was left): one MULTI with GET and PTTL of the lock key. Null when there is nothing to watch.
     */
    CompletionStage<LockState> readLock() {
        HerdRace.Config c = config;
        boolean watch = running || System.nanoTime() - endedNanos < 1_000_000_000L;
        if (!watch || c == null || !c.useLock()) return CompletableFuture.completedFuture(null);
        int number = race;
        boolean step = stepped;
        return valkey.worker("lock-watch").batch(true, List.of(List.of("GET", lockKey()), List.of("PTTL", lockKey())), List.of(),
                        "Batch tx = new Batch(true).get(lock).pttl(lock);\nObject[] r = client.exec(tx, false).get();")
                .thenApply(r -> new LockState(number, r[0] == null ? null : String.valueOf(r[0]),
                        r[1] instanceof Long l ? l : -2, c.lockTtlMs(), step));
    }
}
