package dev.valkeyexplainer.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.concept.Concept;
import dev.valkeyexplainer.concept.ConceptContext;
import dev.valkeyexplainer.concept.ConceptGroup;
import dev.valkeyexplainer.concept.TalkStep;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;

/** The talk's order, sections and steps, one step at a time, without a window. */
class TalkModeTest {

    private record Fake(String id, List<TalkStep> talkSteps) implements Concept {
        public ConceptGroup group() {
            return ConceptGroup.CACHING;
        }

        public String title() {
            return id;
        }

        public String summary() {
            return id;
        }

        public List<String> keywords() {
            return List.of();
        }

        public Node createView(ConceptContext context) {
            return null;
        }

        public void activate() {
        }

        public void deactivate() {
        }
    }

    @Test
    void stepsRunInOrderSectionBySectionAndAStepStillRunningHoldsTheNextOne() {
        List<String> ran = new ArrayList<>();
        List<String> opened = new ArrayList<>();
        CompletableFuture<Void> slow = new CompletableFuture<>();
        Fake a = new Fake("a", List.of(step("a1", ran, null), step("a2", ran, slow)));
        Fake none = new Fake("none", List.of());
        Fake b = new Fake("b", List.of(step("b1", ran, null)));
        TalkMode talk = new TalkMode(List.of(a, none, b), c -> opened.add(c.id()), Runnable::run);
        assertEquals(3, talk.stopCount(), "a concept without steps is no section");
        talk.start();
        assertEquals("section 1 of 2 · step 1 of 2", talk.positionProperty().get().progress());
        assertTrue(talk.next());
        assertEquals(List.of("a1", "a2"), ran);
        assertTrue(talk.busy(), "a2 is still running");
        assertFalse(talk.next(), "refused while a step runs");
        slow.complete(null);
        assertTrue(talk.next());
        assertEquals("section 2 of 2 · step 1 of 1", talk.positionProperty().get().progress());
        assertEquals(List.of("a", "a", "b"), opened);
        assertTrue(talk.atEnd());
        assertTrue(talk.previous());
        assertEquals(List.of("a1", "a2", "b1", "a2"), ran, "going back runs the previous step again");
    }

    @Test
    void aFailingStepSaysSoAndTheTalkGoesOn() {
        Fake a = new Fake("a", List.of(new TalkStep("boom", "note", () -> CompletableFuture.failedFuture(
                new IllegalStateException("server gone"))), TalkStep.note("after", "note")));
        TalkMode talk = new TalkMode(List.of(a), c -> { }, Runnable::run);
        talk.start();
        assertEquals("This step failed: server gone", talk.positionProperty().get().error());
        assertTrue(talk.next());
        assertEquals("", talk.positionProperty().get().error());
    }

    private static TalkStep step(String name, List<String> ran, CompletableFuture<Void> until) {
        return new TalkStep(name, "say " + name, () -> {
            ran.add(name);
            return until != null ? until : CompletableFuture.completedFuture(null);
        });
    }
}
