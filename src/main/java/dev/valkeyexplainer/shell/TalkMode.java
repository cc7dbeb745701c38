package dev.valkeyexplainer.shell;

import dev.valkeyexplainer.concept.Concept;
import dev.valkeyexplainer.concept.TalkStep;
import dev.valkeyexplainer.valkey.JournalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The talk, walked in its order: each concept that has talk steps is a section; advancing runs the
 * next step of the concept's real scenario against the real server (opening the next concept at the
 * end of a section), going back runs the previous one again. One step runs at a time: a press while
 * a step is still running is refused (and said so). State only, no nodes: the talk bar draws it.
 */
public final class TalkMode {

    /** Where the talk is. {@code error} is the last step's failure message, or empty. */
    public record Position(int index, int total, int section, int sections, int step, int steps, Concept concept,
                           TalkStep talkStep, boolean running, String error) {

        /** "section 4 of 9 · step 3 of 6". */
        public String progress() {
            return String.format(Locale.ROOT, "section %d of %d · step %d of %d", section + 1, sections, step + 1, steps);
        }
    }

    private record Stop(int section, Concept concept, int step, TalkStep talkStep) {
    }

    private final List<Stop> stops = new ArrayList<>();
    private final int sections;
    private final Consumer<Concept> open;
    private final Executor fx;
    private final ObjectProperty<Position> position = new SimpleObjectProperty<>();
    private final BooleanProperty active = new SimpleBooleanProperty(false);
    private int at = -1;
    private int generation;
    private long stepStarted;
    /** A press during a running step is refused; after this long the presenter may move on anyway. */
    static final long STUCK_MS = 8_000;
    private final javafx.beans.property.StringProperty refusal = new javafx.beans.property.SimpleStringProperty("");

    /**
     * @param concepts in the talk's order; their views must exist (talk steps are read from built concepts)
     * @param open     shows a concept (FX thread)
     */
    public TalkMode(List<Concept> concepts, Consumer<Concept> open, Executor fx) {
        this.open = open;
        this.fx = fx;
        int section = 0;
        for (Concept c : concepts) {
            List<TalkStep> steps = c.talkSteps();
            if (steps.isEmpty()) continue;
            for (int i = 0; i < steps.size(); i++) stops.add(new Stop(section, c, i, steps.get(i)));
            section++;
        }
        sections = section;
    }

    public int stopCount() {
        return stops.size();
    }

    /** FX thread: starts at the first step (and runs it). */
    public void start() {
        active.set(true);
        goTo(0);
    }

    /** FX thread: leaves talk mode (a running step finishes by itself). */
    public void stop() {
        active.set(false);
        generation++;
    }

    /**
     * FX thread: the next step; at the end of the talk nothing happens. While a step runs the press is
     * refused (false) and said so; a step that has run for {@link #STUCK_MS} (a server that hangs) is
     * left behind and the talk moves on.
     */
    public boolean next() {
        if (refusedWhileBusy()) return false;
        if (at + 1 < stops.size()) goTo(at + 1);
        return true;
    }

    /** FX thread: the previous step, run again. False when refused. */
    public boolean previous() {
        if (refusedWhileBusy()) return false;
        if (at > 0) goTo(at - 1);
        return true;
    }

    private boolean refusedWhileBusy() {
        if (!busy()) {
            refusal.set("");
            return false;
        }
        long ms = (System.nanoTime() - stepStarted) / 1_000_000;
        if (ms >= STUCK_MS) {
            refusal.set("");
            return false;
        }
        refusal.set(String.format(java.util.Locale.ROOT, "still running (%.1f s): press again to wait, or after %d s to move on",
                ms / 1000.0, STUCK_MS / 1000));
        return true;
    }

    /** Why the last press did nothing, or empty. */
    public javafx.beans.property.StringProperty refusalProperty() {
        return refusal;
    }

    public boolean busy() {
        Position p = position.get();
        return p != null && p.running();
    }

    public boolean atEnd() {
        return at == stops.size() - 1;
    }

    private void goTo(int i) {
        if (stops.isEmpty()) return;
        at = i;
        Stop s = stops.get(i);
        int gen = ++generation;
        stepStarted = System.nanoTime();
        refusal.set("");
        int stepsInSection = (int) stops.stream().filter(o -> o.section() == s.section()).count();
        open.accept(s.concept());
        position.set(new Position(i, stops.size(), s.section(), sections, s.step(), stepsInSection, s.concept(), s.talkStep(),
                true, ""));
        CompletionStage<?> run;
        try {
            run = s.talkStep().action().get();
        } catch (RuntimeException e) {
            run = java.util.concurrent.CompletableFuture.failedFuture(e);
        }
        run.whenComplete((v, e) -> fx.execute(() -> {
            if (gen != generation) return;
            Position p = position.get();
            position.set(new Position(p.index(), p.total(), p.section(), p.sections(), p.step(), p.steps(), p.concept(),
                    p.talkStep(), false, e == null ? "" : "This step failed: " + JournalFormat.errorMessage(e)));
        }));
    }

    public ObjectProperty<Position> positionProperty() {
        return position;
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    public boolean isActive() {
        return active.get();
    }
}
