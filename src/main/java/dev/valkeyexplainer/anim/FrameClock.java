package dev.valkeyexplainer.anim;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;

/**
 * The app's one frame loop. Views register a {@link FrameListener}; each frame it is told how many
 * seconds passed, so motion depends on elapsed time and not on the frame rate. Tests and the
 * screenshot mode call {@link #advance(double)} to step time by hand.
 */
public final class FrameClock {

    /** Moves animations forward; returns true while it still has something moving. */
    @FunctionalInterface
    public interface FrameListener {
        boolean onFrame(double dtSeconds);
    }

    private final List<FrameListener> listeners = new ArrayList<>();
    private final AnimationTimer timer;
    private long last = -1;
    private boolean busy;

    public FrameClock() {
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                double dt = last < 0 ? 0 : Math.min(0.1, (now - last) / 1e9);
                last = now;
                advance(dt);
            }
        };
    }

    /** FX thread only. */
    public void add(FrameListener l) {
        if (listeners.contains(l)) return;
        listeners.add(l);
        if (listeners.size() == 1) {
            last = -1;
            timer.start();
        }
    }

    public void remove(FrameListener l) {
        if (!listeners.remove(l)) return;
        if (listeners.isEmpty()) timer.stop();
    }

    /** Steps every listener by {@code dt} seconds. */
    public void advance(double dt) {
        boolean any = false;
        for (FrameListener l : List.copyOf(listeners)) any |= l.onFrame(dt);
        busy = any;
    }

    /** True when no listener had anything moving on the last frame (screenshots wait for this). */
    public boolean idle() {
        return !busy;
    }
}
