package dev.valkeyexplainer.concepts.ratelimit;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the rate-limiting tab shows: Bob's spells with the three scripts' verdicts, the latest reading
 * of the limiters' keys, the stress results, the scripts' SHAs. Records from the server held in
 * properties that the view and the controls observe. No nodes; changed on the FX thread only.
 */
public final class RateLimitModel {

    /** Spells kept for the timeline. */
    public static final int MAX_CASTS = 400;

    /** The most spells one limiter admitted within any span of one window, and where. */
    public record Peak(int count, long fromMs, long toMs) {
        public static final Peak NONE = new Peak(0, 0, 0);
    }

    /**
     * A planned boundary burst: {@code before} spells just before the window boundary at
     * {@code boundaryMs} (server time), {@code after} just after it.
     */
    public record Boundary(long boundaryMs, int before, int after) {
    }

    /** Bob's spells, oldest first (replaced as a whole, so listeners see each change once). */
    public final ObjectProperty<List<Verdicts.Cast>> casts = new SimpleObjectProperty<>(List.of());
    /** The latest reading of Bob's keys, or null before the first. */
    public final ObjectProperty<LiveState> live = new SimpleObjectProperty<>();
    /** The settings the last spell was sent with (the view draws with these). */
    public final ObjectProperty<RateSettings> settings = new SimpleObjectProperty<>(RateSettings.TALK);
    /** The last boundary burst (planned or done), or null. */
    public final ObjectProperty<Boundary> boundary = new SimpleObjectProperty<>();
    /** The timeline's frozen span {fromMs, toMs} (server time), or null when it follows the clock. */
    public final ObjectProperty<long[]> zoom = new SimpleObjectProperty<>();
    public final ObjectProperty<StressTest.Result> stressScript = new SimpleObjectProperty<>();
    public final ObjectProperty<StressTest.Result> stressNaive = new SimpleObjectProperty<>();
    /** SCRIPT LOAD's answers, or empty before the first load. */
    public final ObjectProperty<List<Limiters.Loaded>> loaded = new SimpleObjectProperty<>(List.of());
    /** What the last script-cache demonstration measured (a sentence), or "". */
    public final StringProperty scriptNote = new SimpleStringProperty("");
    /** The last problem (bad input, a server error), or "". */
    public final StringProperty problem = new SimpleStringProperty("");
    /**
     * Why the last reading of Bob's keys failed, or "" while readings work: the gauge then shows no
     * figures (projecting a reading from before an outage would show them as current).
     */
    public final StringProperty readProblem = new SimpleStringProperty("");
    /** The last thing that happened. */
    public final StringProperty status = new SimpleStringProperty("");
    /** A stress run or a boundary burst is under way. */
    public final BooleanProperty busy = new SimpleBooleanProperty();

    private long anchorMs = -1;
    private long anchorNanos;

    /** FX thread: the server's time was {@code serverMs} at {@code nanos} (a reading or a script's TIME). */
    public void anchor(long serverMs, long nanos) {
        anchorMs = serverMs;
        anchorNanos = nanos;
    }

    /** The server's time now, projected from the last anchor with the local clock; -1 before any. */
    public long serverNow(long nanos) {
        return anchorMs < 0 ? -1 : anchorMs + (nanos - anchorNanos) / 1_000_000;
    }

    /** FX thread: adds a spell, dropping the oldest beyond {@link #MAX_CASTS}. */
    public void add(Verdicts.Cast c) {
        List<Verdicts.Cast> next = new ArrayList<>(casts.get());
        next.add(c);
        if (next.size() > MAX_CASTS) next = next.subList(next.size() - MAX_CASTS, next.size());
        casts.set(List.copyOf(next));
    }

    public void clear() {
        casts.set(List.of());
        boundary.set(null);
        zoom.set(null);
        live.set(null);
        readProblem.set("");
        anchorMs = -1;
    }

    /**
     * The most spells {@code limiter} admitted within any span shorter than {@code windowMs} (two
     * pointers over the allowed spells' server times). For the sliding log this never exceeds its limit;
     * for the fixed window it reaches twice the limit across a boundary.
     */
    public static Peak peak(List<Verdicts.Cast> casts, Limiter limiter, long windowMs) {
        List<Long> times = new ArrayList<>();
        for (Verdicts.Cast c : casts) {
            Verdicts.Verdict v = c.verdict(limiter);
            if (v != null && v.allowed()) times.add(v.nowMs());
        }
        times.sort(Long::compare);
        Peak best = Peak.NONE;
        int from = 0;
        for (int to = 0; to < times.size(); to++) {
            while (times.get(to) - times.get(from) >= windowMs) from++;
            int n = to - from + 1;
            if (n > best.count() || (n == best.count() && times.get(to) - times.get(from) < best.toMs() - best.fromMs())) {
                best = new Peak(n, times.get(from), times.get(to));
            }
        }
        return best;
    }

    /** How many spells a limiter admitted among {@code casts}. */
    public static long admitted(List<Verdicts.Cast> casts, Limiter limiter) {
        return casts.stream().map(c -> c.verdict(limiter)).filter(v -> v != null && v.allowed()).count();
    }
}
