package dev.valkeyexplainer.concepts.bloom;

import java.util.List;

/**
 * The talk's walk-through: 10 bits, 2 hash functions. The names are the talk's own, in the talk's
 * order, and were not searched for: hashed with MurmurHash3 x64_128 (seed 0) and double hashing into
 * 10 bits they land on Bob {6, 3}, Alice {7, 8}, Charlie {2, 6}, Doris {9, 7}, Eve {0, 3} and Frank
 * {2, 9}. So the story holds for real: Alice lands on two free bits; Charlie collides with Bob on bit 6
 * and Doris with Alice on bit 7; Eve, never added, finds bit 0 at 0 (definitely not); and Frank, never
 * added, finds bit 2 (Charlie's) and bit 9 (Doris's) set: a false positive, as in the talk, where Frank
 * "conflicts with either Bob, Charlie, or Doris". {@code TalkPresetTest} checks these claims.
 */
final class TalkPreset {

    static final long BITS = 10;
    static final int HASHES = 2;
    static final List<String> MEMBERS = List.of("Bob", "Alice", "Charlie", "Doris");
    static final String NEVER_ADDED = "Eve";
    static final String FALSE_POSITIVE = "Frank";

    private TalkPreset() {
    }

    /** The adds, then the two tests, in the talk's order. */
    static List<WalkScenario.Request> requests() {
        List<WalkScenario.Request> r = new java.util.ArrayList<>();
        for (String m : MEMBERS) r.add(new WalkScenario.Request(true, m));
        r.add(new WalkScenario.Request(false, NEVER_ADDED));
        r.add(new WalkScenario.Request(false, FALSE_POSITIVE));
        return r;
    }
}
