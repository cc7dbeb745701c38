package dev.valkeyexplainer.concepts.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The item count typed for "Compare server vs client": read as typed, never clamped. */
class ItemCountTest {

    @Test
    void wholeNumbersFromOneToAThousandAreRead() {
        assertEquals(1, SessionsControlsController.itemCount("1"));
        assertEquals(200, SessionsControlsController.itemCount(" 200 "));
        assertEquals(1_000, SessionsControlsController.itemCount("1,000"));
    }

    @Test
    void anythingElseIsRefusedNotClamped() {
        for (String t : new String[]{null, "", "abc", "0", "-3", "1001", "5000", "2.5", "99999999999", "1e3"}) {
            assertNull(SessionsControlsController.itemCount(t), t);
        }
        assertEquals("Items must be a whole number from 1 to 1,000 (the inventory stored before the comparison), not \"5000\".",
                SessionsControlsController.itemCountProblem("5000"));
        assertEquals("Items must be a whole number from 1 to 1,000 (the inventory stored before the comparison), not nothing.",
                SessionsControlsController.itemCountProblem(" "));
    }
}
