package dev.valkeyexplainer.anim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TweenTest {

    @Test
    void movesByElapsedTimeNotByFrameCount() {
        Tween fewFrames = new Tween(0, 4);
        Tween manyFrames = new Tween(0, 4);
        fewFrames.target(100);
        manyFrames.target(100);
        for (int i = 0; i < 5; i++) fewFrames.step(0.1);
        for (int i = 0; i < 50; i++) manyFrames.step(0.01);
        assertEquals(fewFrames.value(), manyFrames.value(), 1e-6, "half a second is half a second");
        assertTrue(fewFrames.value() > 80 && fewFrames.value() < 100);
    }

    @Test
    void settlesOnItsTargetAndThenReportsNoMotion() {
        Tween t = new Tween(0, 8);
        t.target(1);
        boolean moving = true;
        for (int i = 0; i < 200 && moving; i++) moving = t.step(1 / 60.0);
        assertFalse(moving);
        assertEquals(1, t.value());
    }
}
