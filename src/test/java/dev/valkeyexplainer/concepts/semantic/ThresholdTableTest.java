package dev.valkeyexplainer.concepts.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The table's arithmetic on four probes whose nearest neighbours are known by hand. */
class ThresholdTableTest {

    @Test
    void callsSavedAndWrongAnswersPerThousandQuestions() {
        List<ThresholdTable.Probe> asked = List.of(
                new ThresholdTable.Probe("quest", "quest", 0.90),  // a paraphrase served right
                new ThresholdTable.Probe("raid", "quest", 0.80),   // a paraphrase served another group's answer
                new ThresholdTable.Probe(null, "quest", 0.75),     // an unrelated question served
                new ThresholdTable.Probe("boss", "boss", 0.60));   // a paraphrase below the thresholds below
        ThresholdTable.Row at85 = ThresholdTable.row(0.85, asked, 3);
        assertEquals(1, at85.hits());
        assertEquals(250, at85.callsSaved(), 1e-9);
        assertEquals(0, at85.wrongServed(), 1e-9);
        ThresholdTable.Row at70 = ThresholdTable.row(0.70, asked, 3);
        assertEquals(3, at70.hits());
        assertEquals(1, at70.rightHits());
        assertEquals(750, at70.callsSaved(), 1e-9, "3 of 4 questions skipped the model");
        assertEquals(500, at70.wrongServed(), 1e-9, "2 of 4 questions got a wrong answer");
        assertEquals(1.0 / 3, at70.recall(), 1e-9);
    }
}
