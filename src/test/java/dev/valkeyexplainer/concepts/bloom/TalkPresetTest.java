package dev.valkeyexplainer.concepts.bloom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The talk's walk-through really tells the talk's story with this hash (no server needed: positions are Java's). */
class TalkPresetTest {

    private static Set<Integer> bits(String name) {
        Set<Integer> s = new HashSet<>();
        for (int p : BloomHash.hash(name, TalkPreset.BITS, TalkPreset.HASHES).positions()) s.add(p);
        return s;
    }

    @Test
    void thePositionsTheCommentStates() {
        Map<String, int[]> stated = Map.of("Bob", new int[]{6, 3}, "Alice", new int[]{7, 8}, "Charlie", new int[]{2, 6},
                "Doris", new int[]{9, 7}, "Eve", new int[]{0, 3}, "Frank", new int[]{2, 9});
        stated.forEach((name, p) -> assertArrayEquals(p, BloomHash.hash(name, 10, 2).positions(), name));
    }

    @Test
    void collisionsADefiniteNoAndAFalsePositiveExplainedByTwoEarlierMembers() {
        List<String> members = TalkPreset.MEMBERS;
        assertEquals(List.of("Bob", "Alice", "Charlie", "Doris"), members, "the talk's names, in its order");
        Set<Integer> set = new HashSet<>();
        Map<Integer, String> firstSetBy = new HashMap<>();
        int collisions = 0;
        for (String m : members) {
            Set<Integer> b = bits(m);
            assertEquals(2, b.size(), m + " sets two different bits");
            for (int p : b) {
                if (set.contains(p)) collisions++;
                firstSetBy.putIfAbsent(p, m);
            }
            set.addAll(b);
        }
        assertTrue(collisions >= 1, "some add lands on a bit already set");
        assertFalse(set.containsAll(bits(TalkPreset.NEVER_ADDED)), "Eve finds a 0 bit: definitely not");
        Set<Integer> frank = bits(TalkPreset.FALSE_POSITIVE);
        assertTrue(set.containsAll(frank), "all of Frank's bits are set: maybe");
        assertFalse(members.contains(TalkPreset.FALSE_POSITIVE), "… though he was never added");
        Set<String> culprits = new HashSet<>();
        for (int p : frank) culprits.add(firstSetBy.get(p));
        assertEquals(Set.of("Charlie", "Doris"), culprits, "two earlier members set his bits, as the talk says");
    }
}
