package dev.valkeyexplainer.concepts.hll;

import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The HyperLogLog concept's state, without nodes: its keys, the key on the grid and the poll that reads
 * it (registers and PFCOUNT at one moment, see {@link HllReader}), the merge, and the experiment in
 * progress. A poll of a damaged key is a reading too: it says which key and what is wrong.
 */
final class HllModel {

    static final long POLL_MS = 1_000;

    /** One poll of the key on the grid: its snapshot, or the damage found in it. */
    record Reading(String key, HllSnapshot snapshot, HllDamage damage) {
    }

    private final ValkeyGateway.Scope valkey;
    private final HllKeys keys;
    private final HllReader reader = new HllReader();
    private volatile String viewedKey;
    private volatile Experiment experiment;

    HllModel(ValkeyGateway.Scope valkey, LocalDate day) {
        this.valkey = valkey;
        this.keys = HllKeys.of(valkey.gateway().namespace(), day);
        this.viewedKey = keys.dau();
    }

    HllKeys keys() {
        return keys;
    }

    HllReader reader() {
        return reader;
    }

    ValkeyGateway.Scope scope() {
        return valkey;
    }

    /** The keys the grid can show, in the order of the key chooser. */
    List<String> gridKeys() {
        return List.of(keys.dau(), keys.game1(), keys.game2(), keys.merged(), keys.experiment());
    }

    String viewedKey() {
        return viewedKey;
    }

    void view(String key) {
        viewedKey = key;
    }

    /** The Set that holds the same names as {@code key}, or null (the merge's keys have none). */
    String setFor(String key) {
        return key.equals(keys.dau()) ? keys.dauNames() : key.equals(keys.experiment()) ? keys.experimentSet() : null;
    }

    /** One poll (gateway thread) of the key on the grid. */
    CompletionStage<Reading> read() {
        String key = viewedKey;
        return reader.read(valkey.worker("poller"), key, setFor(key)).handle((s, e) -> {
            if (e == null) return new Reading(key, s, null);
            HllDamage d = HllDamage.of(e);
            if (d == null) throw e instanceof RuntimeException r ? r : new java.util.concurrent.CompletionException(e);
            return new Reading(key, null, d);
        });
    }

    CompletableFuture<MergeScenario.Result> merge() {
        return new MergeScenario(valkey.worker("merge"), keys, reader).run();
    }

    /** Starts the experiment (a running one is cancelled first); {@code progress} hears every batch. */
    CompletableFuture<Experiment.Progress> experiment(long users, Consumer<Experiment.Progress> progress) {
        cancelExperiment();
        Experiment e = new Experiment(valkey.worker("experiment"), keys.experiment(), keys.experimentSet());
        experiment = e;
        return e.run(users, progress).whenComplete((p, err) -> {
            if (experiment == e) experiment = null;
        });
    }

    boolean experimentRunning() {
        return experiment != null;
    }

    void cancelExperiment() {
        Experiment e = experiment;
        if (e != null) e.cancel();
        experiment = null;
    }
}
