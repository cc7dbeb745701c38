package dev.valkeyexplainer.anim;

/**
 * A value that eases toward a target over time: set a target when the server state changes, and
 * the value follows smoothly as the frame clock advances.
 */
public final class Tween {

    private double value;
    private double target;
    private final double ratePerSecond;

    /** @param ratePerSecond how quickly the gap closes (higher is faster; 8 closes ~99.97% in 1 s) */
    public Tween(double initial, double ratePerSecond) {
        this.value = initial;
        this.target = initial;
        this.ratePerSecond = ratePerSecond;
    }

    public void target(double t) {
        target = t;
    }

    public void snap(double t) {
        value = t;
        target = t;
    }

    public double value() {
        return value;
    }

    public double targetValue() {
        return target;
    }

    /** Moves toward the target; returns true while still moving. */
    public boolean step(double dt) {
        double gap = target - value;
        if (Math.abs(gap) < 1e-3 * Math.max(1, Math.abs(target))) {
            value = target;
            return false;
        }
        value += gap * (1 - Math.exp(-ratePerSecond * dt));
        return true;
    }
}
