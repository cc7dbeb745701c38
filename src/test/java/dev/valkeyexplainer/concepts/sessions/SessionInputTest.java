package dev.valkeyexplainer.concepts.sessions;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The number typed for "Add … to that field": refused with its reason before anything is sent. */
class SessionInputTest {

    @Test
    void numbersTheServerWouldRefuseAreRefusedFirst() {
        assertTrue(SessionInput.numberProblem("abc").startsWith("'abc' is not a number"));
        assertTrue(SessionInput.numberProblem("99999999999999999999").contains("too large for HINCRBY"));
        assertTrue(SessionInput.numberProblem("1e400").contains("beyond what a double holds"), SessionInput.numberProblem("1e400"));
        assertTrue(SessionInput.numberProblem("-1e400").contains("beyond what a double holds"));
        assertNull(SessionInput.numberProblem("1"));
        assertNull(SessionInput.numberProblem("-5"));
        assertNull(SessionInput.numberProblem("0.5"));
        assertNull(SessionInput.numberProblem("1e300"));
    }
}
