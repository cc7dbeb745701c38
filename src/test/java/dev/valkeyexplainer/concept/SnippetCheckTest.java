package dev.valkeyexplainer.concept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Reading the commands a Glide snippet names, in Java and in Python. */
class SnippetCheckTest {

    private static Set<String> set(String... s) {
        return new TreeSet<>(Set.of(s));
    }

    @Test
    void javaMethodsCustomCommandsScriptsAndAnAtomicBatch() {
        String java = """
                String v = client.get(key).get();   // GET, then the future's get(): one command
                Batch tx = new Batch(true).get(k).ttl(k);
                client.exec(tx, false).get();
                client.customCommand(new String[]{"MEMORY", "USAGE", k});
                client.invokeScript(release, ScriptOptions.builder().key(k).build()).get();
                // client.del(new String[]{k}) is only a comment
                String lua = "redis.call('DEL', KEYS[1]) client.pfadd(x)";""";
        assertEquals(set("GET", "MULTI", "EXEC", "TTL", "MEMORY", "EVALSHA"), SnippetCheck.commands(java, CodeLanguage.JAVA));
    }

    @Test
    void pythonMethodsCustomCommandsScriptsAndAnAtomicBatch() {
        String python = """
                value = await client.get(key)
                tx = Batch(is_atomic=True)
                tx.get(k)
                tx.ttl(k)
                await client.exec(tx, raise_on_error=True)
                await client.custom_command(["MEMORY", "USAGE", k])
                await client.invoke_script(release, keys=[k], args=[t])
                # await client.delete([k]) is only a comment
                lua = "client.pfadd(x) # not a comment" """;
        assertEquals(set("GET", "MULTI", "EXEC", "TTL", "MEMORY", "EVALSHA"), SnippetCheck.commands(python, CodeLanguage.PYTHON));
    }

    @Test
    void aPipelineIsNotMultiAndMismatchesAreNamed() {
        assertEquals(set("SET"), SnippetCheck.commands("Batch b = new Batch(false); b.set(k, v);", CodeLanguage.JAVA));
        assertTrue(SnippetCheck.mismatch(Snippet.of("client.get(k).get();", "await client.get(k)")).isEmpty());
        assertEquals("Java names [GET], Python names [DEL]",
                SnippetCheck.mismatch(Snippet.of("client.get(k).get();", "await client.delete([k])")).orElseThrow());
    }
}
