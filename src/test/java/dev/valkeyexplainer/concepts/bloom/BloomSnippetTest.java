package dev.valkeyexplainer.concepts.bloom;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.concept.Snippet;
import dev.valkeyexplainer.valkey.Namespace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The code panel's Java and Python name the same Glide calls and the same arguments. */
class BloomSnippetTest {

    private final BloomKeys keys = BloomKeys.of(Namespace.DEFAULT.prefix(), "walk");

    @Test
    void aScriptCallIsInvokeScriptInBothWithTheSameKeysAndArguments() {
        Snippet s = BloomCode.script(keys, "test", List.of("Frank"));
        assertTrue(s.java().contains("invokeScript(bloom") && s.python().contains("invoke_script(bloom"), s.toString());
        for (String text : List.of(keys.meta(), keys.bitmap(0), "\"test\"", "\"Frank\"")) {
            assertTrue(s.java().contains(text) && s.python().contains(text), text + " in " + s);
        }
    }

    @Test
    void aBulkRunIsAPipelineOfEvalshaInBothAndTheSetOnlyWhenAsked() {
        Snippet with = BloomCode.bulk(keys, "addn", true);
        assertTrue(with.java().contains("new Batch(false)") && with.python().contains("Batch(is_atomic=False)"));
        assertTrue(with.java().contains("evalsha(") && with.python().contains("\"EVALSHA\""));
        assertTrue(with.java().contains("scriptLoad") && with.python().contains("script_load"));
        assertTrue(with.java().contains(".sadd(") && with.python().contains(".sadd("));
        Snippet without = BloomCode.bulk(keys, "addn", false);
        assertTrue(!without.java().contains(".sadd(") && !without.python().contains(".sadd("));
    }

    @Test
    void theScriptSaysWhatItHashesWith() {
        assertTrue(BloomScript.LUA.contains("MurmurHash3_x64_128") && BloomScript.LUA.contains("SipHash"));
        assertTrue(BloomScript.LUA.startsWith("#!lua"), "the shebang makes an OOM refuse the whole call");
    }
}
