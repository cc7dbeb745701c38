package dev.valkeyexplainer.concepts.bloom;

import dev.valkeyexplainer.concept.ScreenshotStep;
import dev.valkeyexplainer.concept.TalkStep;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The talk's Bloom filter scenario with the same controls a user presses, and the screenshot steps,
 * whose captions carry what the server answered.
 */
final class BloomTalk {

    private final BloomConcept concept;

    BloomTalk(BloomConcept concept) {
        this.concept = concept;
    }

    private BloomTab tab() {
        return concept.tab();
    }

    CompletableFuture<BloomModel.Walk> bobAndAlice() {
        return concept.onFxFuture(() -> {
            tab().controls.mode(BloomControlsController.BITS);
            concept.view().showWalk.setSelected(true);
            return tab().createPlain(TalkPreset.BITS, TalkPreset.HASHES);
        }).thenCompose(f -> walk(true, "Bob")).thenCompose(w -> walk(true, "Alice"));
    }

    CompletableFuture<BloomModel.Walk> walk(boolean add, String item) {
        return concept.onFxFuture(() -> {
            tab().controls.itemField.setText(item);
            return tab().walkFully(add, item);
        });
    }

    CompletableFuture<BloomModel.Walk> charlieAndDoris() {
        return walk(true, "Charlie").thenCompose(w -> walk(true, "Doris"));
    }

    CompletableFuture<BloomState.Filter> scaling() {
        return concept.onFxFuture(() -> {
            tab().controls.mode(BloomControlsController.SCALING);
            return tab().createScalingFilter(100, 0.01, 2, 0.5);
        }).thenCompose(f -> concept.onFxFuture(() -> tab().bulkAdd(1_000)))
                .thenCompose(p -> concept.onFxFuture(() -> tab().store().read(tab().keys(BloomControlsController.SCALING), true)));
    }

    CompletableFuture<Experiment.Result> experiment() {
        return concept.onFxFuture(() -> {
            tab().controls.fillExperiment(958_506, 100_000, 100_000, 7);
            return tab().runExperiment(958_506, 100_000, 100_000, 7, true);
        });
    }

    List<TalkStep> talkSteps() {
        return List.of(
                new TalkStep("Bob and Alice in 10 bits", "Ten bits, two hash functions. Bob's name is hashed once with"
                        + " MurmurHash3; hash #1 and hash #2 come from its two halves, each taken mod 10, and the script sets"
                        + " those two bits on the server. Alice lands on two other bits.", this::bobAndAlice),
                new TalkStep("Collisions", "Charlie's second hash lands on bit 6, which Bob already set: nothing to do"
                        + " there. Doris shares bit 7 with Alice. The filter never stores the names, only bits.",
                        this::charlieAndDoris),
                new TalkStep("Definitely not", "Test Eve, who was never added: her hash #1 is bit 0, still 0. One 0 bit is"
                        + " proof she was never added; a Bloom filter has no false negatives.", () -> walk(false, TalkPreset.NEVER_ADDED)),
                new TalkStep("Maybe: a false positive", "Frank was never added, but his bits 2 and 9 are both 1: Charlie set"
                        + " one, Doris the other. The filter says maybe. That is the price of storing bits instead of names.",
                        () -> walk(false, TalkPreset.FALSE_POSITIVE)),
                new TalkStep("Scaling like valkey-bloom", "A scaling filter for 100 items at 1 %. When a sub-filter is full,"
                        + " a new one gets twice the capacity and half the error rate, so one more hash function. Adds go to the"
                        + " newest; tests check them all.", this::scaling),
                new TalkStep("The experiment", "100,000 members in 958,506 bits with k = 7, then 100,000 strangers tested."
                        + " Point at the measured rate next to the formula, the best k on the curve, and the memory against"
                        + " a Set of the same members.", this::experiment));
    }

    List<ScreenshotStep> screenshotSteps() {
        return List.of(
                new ScreenshotStep("bloom-talk", () -> bobAndAlice().thenCompose(w -> charlieAndDoris()).thenApply(w ->
                        "Bloom filter, the talk's 10 bits and 2 hash functions: " + positions() + "; " + w.verdict())),
                new ScreenshotStep("bloom-false-positive", () -> walk(false, TalkPreset.NEVER_ADDED)
                        .thenCompose(eve -> walk(false, TalkPreset.FALSE_POSITIVE).thenApply(frank ->
                                "Bloom filter, tests: Eve → " + eve.verdict() + " Frank → " + frank.verdict()))),
                new ScreenshotStep("bloom-scaling", () -> scaling().thenApply(f -> "Bloom filter, scaling as valkey-bloom does"
                        + " (capacity 100, 1 %, expansion 2, tightening 0.5) after 1,000 adds: " + f.filters().stream()
                        .map(FilterStack::describe).collect(Collectors.joining("; ")) + ".")),
                new ScreenshotStep("bloom-experiment", () -> experiment().thenApply(r -> "Bloom filter, the experiment: "
                        + ExperimentCard.describe(r) + String.format(Locale.ROOT, " MEMORY USAGE: filter %s vs Set %s (%.1f %% saved).",
                        ExperimentCard.bytes(r.bitmapBytes() + r.metaBytes()), ExperimentCard.bytes(r.setBytes()), 100 * r.saving()))));
    }

    private String positions() {
        return TalkPreset.MEMBERS.stream().map(m -> {
            int[] p = BloomHash.hash(m, TalkPreset.BITS, TalkPreset.HASHES).positions();
            return m + " → bits " + p[0] + ", " + p[1];
        }).collect(Collectors.joining(", "));
    }
}
