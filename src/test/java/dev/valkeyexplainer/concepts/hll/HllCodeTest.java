package dev.valkeyexplainer.concepts.hll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.concept.CodeLanguage;
import dev.valkeyexplainer.concept.Snippet;
import dev.valkeyexplainer.concept.SnippetCheck;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every HyperLogLog snippet names the same commands in Java and Python, and the ones its step sends. */
class HllCodeTest {

    @Test
    void everyStepNamesTheSameCommandsInBothLanguages() {
        List<Snippet> all = List.of(HllCode.overview("k"), HllCode.hashAndRead("k", "alice"), HllCode.index(), HllCode.value(),
                HllCode.pfadd("k", "s", "alice"), HllCode.readBack("k", "s"), HllCode.merge("a", "b", "c", 4),
                HllCode.experiment("h", "s"));
        for (Snippet s : all) assertTrue(SnippetCheck.mismatch(s).isEmpty(), SnippetCheck.mismatch(s).orElse("") + "\n" + s);
    }

    @Test
    void eachStepNamesWhatItSends() {
        assertEquals(Set.of("GET"), SnippetCheck.commands(HllCode.hashAndRead("k", "a").java(), CodeLanguage.JAVA));
        assertEquals(Set.of(), SnippetCheck.commands(HllCode.index().python(), CodeLanguage.PYTHON), "computed, nothing sent");
        assertEquals(Set.of("PFADD", "SADD"), SnippetCheck.commands(HllCode.pfadd("k", "s", "a").java(), CodeLanguage.JAVA));
        assertEquals(Set.of("MULTI", "GET", "PFCOUNT", "EXEC", "SCARD"),
                SnippetCheck.commands(HllCode.readBack("k", "s").python(), CodeLanguage.PYTHON));
        assertEquals(Set.of("INFO", "DEL", "PFADD", "SADD", "PFCOUNT", "SCARD", "STRLEN", "MEMORY"),
                SnippetCheck.commands(HllCode.experiment("h", "s").java(), CodeLanguage.JAVA));
    }

    @Test
    void theValueStepComputesTheSameValueInBothLanguages() {
        // Java: numberOfTrailingZeros(rest) + 1; Python: (rest & -rest).bit_length(): the same number for any rest
        for (long rest : new long[]{1, 2, 12, 1L << 50, (1L << 50) | 8}) {
            assertEquals(Long.numberOfTrailingZeros(rest) + 1, 64 - Long.numberOfLeadingZeros(rest & -rest));
        }
    }
}
