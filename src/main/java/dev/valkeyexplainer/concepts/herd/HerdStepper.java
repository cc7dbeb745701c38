package dev.valkeyexplainer.concepts.herd;

import dev.valkeyexplainer.concept.StepPlayer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Step mode: the race runs through a {@link SteppedGate} that lets one command go per step, in the order
 * the workers reached it. A step ends when that command's reply is back. Reset abandons the race: its
 * waiting workers stop without sending anything, so nothing of it runs on beside the next race.
 */
final class HerdStepper implements StepPlayer.Scenario {

    /** Told (on the FX thread for {@code started}) when a stepped race starts, and when it ends. */
    interface Listener {
        void started(HerdRace.Config config);

        void ended(int race, HerdRace.Result result, Throwable error);
    }

    private final HerdModel model;
    private final Supplier<HerdRace.Config> config;
    private final Listener listener;
    private SteppedGate gate;
    private CompletableFuture<HerdRace.Result> race;
    private volatile int awaited = -1;
    private volatile CompletableFuture<HerdRace.Event> pending;

    /** @param config the stepped race's configuration, read on the FX thread at its first step */
    HerdStepper(HerdModel model, Supplier<HerdRace.Config> config, Listener listener) {
        this.model = model;
        this.config = config;
        this.listener = listener;
    }

    /** The stepped race in progress (or the last one), null before the first step. */
    CompletableFuture<HerdRace.Result> race() {
        return race;
    }

    @Override
    public CompletionStage<Boolean> step() {
        if (race == null) {
            gate = new SteppedGate();
            HerdRace.Config cfg = config.get();
            listener.started(cfg);
            race = model.start(cfg, gate, true, e -> {
                CompletableFuture<HerdRace.Event> p = pending;
                if (p != null && e.worker() == awaited) p.complete(e);
            });
            int number = model.race();
            race.whenComplete((r, e) -> listener.ended(number, r, e));
            CompletableFuture<HerdRace.Result> r = race;
            // the first worker lines up; or the race failed before any did (the server is down)
            return CompletableFuture.anyOf(gate.nextArrival(), r).thenApply(x -> !r.isDone());
        }
        SteppedGate g = gate;
        CompletableFuture<HerdRace.Result> r = race;
        return CompletableFuture.anyOf(g.nextArrival(), r).thenCompose(x -> {
            if (r.isDone()) return CompletableFuture.completedFuture(false);
            CompletableFuture<HerdRace.Event> p = new CompletableFuture<>();
            SteppedGate.Waiting w = g.releaseOne(next -> {
                // listen before letting it go: the reply can be back within microseconds
                awaited = next.worker();
                pending = p;
            });
            if (w == null) return CompletableFuture.completedFuture(true);
            // the step ends when that command's reply is back (or the race ends)
            return CompletableFuture.anyOf(p, r).thenApply(y -> !r.isDone() || g.waiting() > 0);
        });
    }

    @Override
    public void reset() {
        if (gate != null) {
            gate.abandon();
            model.abandon();
        }
        gate = null;
        race = null;
        pending = null;
    }
}
