package dev.valkeyexplainer.concepts.bloom;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the Bloom tab shows, in properties the view and the controls observe (FX thread only; no nodes).
 * Server state arrives as {@link BloomState.Filter} readings; the rest is the tab's own record of what it
 * did (which items it added, the walk through an add or a test), and says so where it is drawn.
 */
public final class BloomModel {

    /** What the grid marks besides set bits: the bits an operation probed and those it just flipped 0 → 1. */
    public record Marks(String filterName, int filter, int[] probed, int[] flipped) {
        public static final Marks NONE = new Marks("", -1, new int[0], new int[0]);

        public boolean probed(int f, long bit) {
            return f == filter && contains(probed, bit);
        }

        public boolean flipped(int f, long bit) {
            return f == filter && contains(flipped, bit);
        }

        private static boolean contains(int[] a, long v) {
            for (int x : a) if (x == v) return true;
            return false;
        }
    }

    /** One line of the walk through an add or a test: hash #(hash+1) of the item in sub-filter {@code filter}. */
    public record Probe(int filter, int hash, String formula, int position, int bit, List<String> setBy) {
        public Probe {
            setBy = List.copyOf(setBy);
        }
    }

    /**
     * The walk through one add or test, as far as it has gone.
     *
     * @param h1      the item's MurmurHash3 (first half), computed in Java
     * @param probes  the positions revealed so far, with the bit each one read (GETBIT), -1 before it is read
     * @param verdict the script's answer explained, or "" before the script ran
     */
    public record Walk(boolean add, String item, long h1, long h2, List<Probe> probes, String verdict, boolean agrees) {
        public Walk {
            probes = List.copyOf(probes);
        }
    }

    public final ObjectProperty<BloomKeys> keys = new SimpleObjectProperty<>();
    public final ObjectProperty<BloomState.Filter> filter = new SimpleObjectProperty<>();
    public final ObjectProperty<Marks> marks = new SimpleObjectProperty<>(Marks.NONE);
    public final ObjectProperty<Walk> walk = new SimpleObjectProperty<>();
    /** The sub-filter drawn bit by bit. */
    public final IntegerProperty shownFilter = new SimpleIntegerProperty(0);
    public final ObjectProperty<BulkRun.Progress> progress = new SimpleObjectProperty<>();
    public final ObjectProperty<Experiment.Result> experiment = new SimpleObjectProperty<>();
    /** Every finished experiment run, for the chart's measured points. */
    public final ObservableList<Experiment.Result> runs = FXCollections.observableArrayList();
    /** The k the next experiment uses (the slider). */
    public final IntegerProperty experimentK = new SimpleIntegerProperty(7);
    public final ObjectProperty<long[]> experimentShape = new SimpleObjectProperty<>(new long[]{958_506, 100_000, 100_000});
    public final ObjectProperty<ModuleMirror.View> module = new SimpleObjectProperty<>();
    public final StringProperty problem = new SimpleStringProperty("");
    public final StringProperty status = new SimpleStringProperty("");

    /** The items this tab added one by one to each filter, with their positions: not Valkey state (a filter keeps only bits). */
    private final Map<String, List<BloomScript.Added>> history = new HashMap<>();
    /** Items each filter got in bulk (named, not tracked one by one). */
    private final Map<String, Long> bulk = new HashMap<>();

    public void remember(String filterName, List<BloomScript.Added> added) {
        history.computeIfAbsent(filterName, n -> new ArrayList<>()).addAll(added.stream().filter(BloomScript.Added::added).toList());
    }

    public void rememberBulk(String filterName, long count) {
        bulk.merge(filterName, count, Long::sum);
    }

    public long bulkCount(String filterName) {
        return bulk.getOrDefault(filterName, 0L);
    }

    public void forget(String filterName) {
        history.remove(filterName);
        bulk.remove(filterName);
    }

    public void forgetAll() {
        history.clear();
        bulk.clear();
    }

    /** Whether the tab added {@code item} to the filter one by one. */
    public boolean added(String filterName, String item) {
        return history.getOrDefault(filterName, List.of()).stream().anyMatch(a -> a.item().equals(item));
    }

    /** The items added one by one whose bits in sub-filter {@code filter} include {@code position}, in the order they were added. */
    public List<String> setBy(String filterName, int filter, int position) {
        Set<String> names = new LinkedHashSet<>();
        for (BloomScript.Added a : history.getOrDefault(filterName, List.of())) {
            if (a.filter() != filter) continue;
            for (int p : a.positions()) if (p == position) names.add(a.item());
        }
        return List.copyOf(names);
    }
}
