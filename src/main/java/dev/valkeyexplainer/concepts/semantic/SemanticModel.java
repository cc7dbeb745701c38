package dev.valkeyexplainer.concepts.semantic;

import java.util.ArrayList;
import java.util.List;

/**
 * The tab's state, without nodes (FX thread only): the settings the controls set, the last lookup, the
 * stored entries read back from Valkey with their 2-D projection, the measurements, and the messages.
 * Listeners are told after each change; the view redraws from here.
 */
final class SemanticModel {

    /** Where a neighbour falls against the threshold: served, in the band where a real system would verify, or a miss. */
    enum Verdict { SERVE, VERIFY, MISS }

    /** Width of the "verify" band below the threshold, in similarity. */
    static final double BAND = 0.05;
    /** The default threshold: measured on the shipped corpus (see ThresholdTable and its test), not a quoted figure. */
    static final double DEFAULT_THRESHOLD = 0.70;
    static final List<String> COUNTRIES = List.of("DE", "FR", "US", "JP", "BR");

    private SemanticCache.Settings settings = new SemanticCache.Settings(DEFAULT_THRESHOLD, 5, "DE", false);
    private SemanticCache.Lookup lookup;
    private List<SemanticStore.Stored> stored = List.of();
    private Projection projection;
    private Measurements measurements;
    private SemanticCache.Stats stats = SemanticCache.Stats.NONE;
    private String modelNote = "The embedding model loads the first time this tab opens.";
    private final List<Runnable> listeners = new ArrayList<>();

    static Verdict verdict(double similarity, double threshold) {
        if (similarity + 1e-9 >= threshold) return Verdict.SERVE;
        if (similarity + 1e-9 >= threshold - BAND) return Verdict.VERIFY;
        return Verdict.MISS;
    }

    void addListener(Runnable r) {
        listeners.add(r);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    SemanticCache.Settings settings() {
        return settings;
    }

    void settings(SemanticCache.Settings s) {
        settings = s;
        changed();
    }

    SemanticCache.Lookup lookup() {
        return lookup;
    }

    void lookup(SemanticCache.Lookup l, SemanticCache.Stats s) {
        lookup = l;
        stats = s;
        changed();
    }

    /** The last lookup's outcome at the current threshold (the slider re-classifies it live). */
    Verdict currentVerdict() {
        if (lookup == null || lookup.nearest() == null) return Verdict.MISS;
        return verdict(lookup.nearest().similarity(), settings.threshold());
    }

    List<SemanticStore.Stored> stored() {
        return stored;
    }

    Projection projection() {
        return projection;
    }

    /** New entries read from the server, with the PCA fitted to them off the FX thread ({@link #fit}). */
    void stored(List<SemanticStore.Stored> entries, Projection fitted) {
        stored = List.copyOf(entries);
        projection = entries.isEmpty() ? null : fitted;
        changed();
    }

    /** The projection for these entries (blocking work: a few tens of milliseconds for hundreds of entries). */
    static Projection fit(List<SemanticStore.Stored> entries) {
        return entries.isEmpty() ? null : Projection.fit(entries.stream().map(SemanticStore.Stored::vector).toList(), Embedder.DIM);
    }

    Measurements measurements() {
        return measurements;
    }

    void measurements(Measurements m) {
        measurements = m;
        changed();
    }

    SemanticCache.Stats stats() {
        return stats;
    }

    void stats(SemanticCache.Stats s) {
        stats = s;
        changed();
    }

    String modelNote() {
        return modelNote;
    }

    void modelNote(String note) {
        modelNote = note;
        changed();
    }

    void clearLookup() {
        lookup = null;
        stats = SemanticCache.Stats.NONE;
        changed();
    }
}
