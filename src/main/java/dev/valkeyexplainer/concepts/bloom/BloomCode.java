package dev.valkeyexplainer.concepts.bloom;

import static dev.valkeyexplainer.valkey.JournalFormat.javaString;

import dev.valkeyexplainer.concept.Snippet;
import dev.valkeyexplainer.valkey.GlidePython;
import dev.valkeyexplainer.valkey.ValkeyCall;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The code panel's text for the tab's script calls, in Glide Java and Glide Python, shorter than the
 * generated form (which would list all eleven keys): what the tab runs, named as it runs it.
 */
final class BloomCode {

    private BloomCode() {
    }

    static final String LOAD_JAVA = "Script bloom = new Script(bloomLua, false); // bloom.lua: MurmurHash3 + BITFIELD, atomic\n";
    static final String LOAD_PY = "bloom = Script(bloom_lua)  # bloom.lua: MurmurHash3 + BITFIELD, atomic\n";

    /** One script call: {@code op} with {@code args}, on the filter's keys. */
    static Snippet script(BloomKeys keys, String op, List<String> args) {
        String java = LOAD_JAVA + "List<String> keys = List.of(" + javaString(keys.meta()) + ", // the description\n"
                + "        " + javaString(keys.bitmap(0)) + ", … " + javaString(keys.bitmap(keys.bitmaps().size() - 1)) + ");\n"
                + "Object reply = client.invokeScript(bloom, ScriptOptions.builder().keys(keys)\n"
                + "        .arg(" + javaString(op) + ")" + args.stream().map(a -> ".arg(" + javaString(a) + ")").collect(Collectors.joining())
                + ".build()).get();";
        String py = LOAD_PY + "keys = [" + GlidePython.str(keys.meta()) + ", " + GlidePython.str(keys.bitmap(0)) + ", …]\n"
                + "reply = await client.invoke_script(bloom, keys=keys, args=["
                + GlidePython.str(op) + args.stream().map(a -> ", " + GlidePython.str(a)).collect(Collectors.joining()) + "])";
        return Snippet.of(java, py);
    }

    /** The reads a walk made, then the script call. */
    static Snippet walk(List<ValkeyCall<?>> reads, BloomKeys keys, String op, List<String> args) {
        Snippet r = Snippet.of(reads);
        Snippet s = script(keys, op, args);
        String j = r.java().isEmpty() ? s.java() : "// the bits as they are (each GETBIT is one read)\n" + r.java() + "\n" + s.java();
        String p = r.python().isEmpty() ? s.python() : "# the bits as they are\n" + r.python() + "\n" + s.python();
        return Snippet.of(j, p);
    }

    static Snippet bulk(BloomKeys keys, String op, boolean withSet) {
        String java = LOAD_JAVA + "client.scriptLoad(bloomLua).get(); // a pipeline cannot load a script itself\n"
                + BulkRun.pipelineCode(op, withSet).replace("setKey", javaString(keys.set()));
        String py = LOAD_PY + "sha = await client.script_load(bloom_lua)\n"
                + "batch = Batch(is_atomic=False)  # a pipeline: one round trip\n"
                + "for chunk in chunks:  # " + BulkRun.CALLS + " × " + BulkRun.ITEMS + " items\n"
                + "    batch.custom_command([\"EVALSHA\", sha, len(keys), *keys, " + GlidePython.str(op) + ", *chunk])\n"
                + (withSet ? "    batch.sadd(" + GlidePython.str(keys.set()) + ", chunk)\n" : "")
                + "replies = await client.exec(batch, raise_on_error=False)  # stop at the first error reply";
        return Snippet.of(java, py);
    }
}
