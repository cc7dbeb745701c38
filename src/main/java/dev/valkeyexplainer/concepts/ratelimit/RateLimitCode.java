package dev.valkeyexplainer.concepts.ratelimit;

import dev.valkeyexplainer.concept.Snippet;
import dev.valkeyexplainer.valkey.GlidePython;
import dev.valkeyexplainer.valkey.ValkeyCall;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The code panel's Glide code for each action, in Java and Python, built from the calls that ran. The
 * Lua text itself is valid in both (a text block in Java, a triple-quoted string in Python).
 */
final class RateLimitCode {

    private RateLimitCode() {
    }

    /** A script's text as a constant, and the Glide Script made from it. */
    static Snippet lua(Limiter l) {
        String body = l.source().strip();
        return Snippet.of("""
                // %1$s, SHA1 %2$s
                static final String %3$s = \"""
                %4$s
                \""";
                // Glide keeps the text: EVALSHA first, and on NOSCRIPT it sends SCRIPT LOAD and EVALSHA again
                static final Script %5$s = new Script(%3$s, false);""".formatted(l.file(), l.sha(), l.constantName(), body,
                        l.javaName()),
                """
                # %1$s, SHA1 %2$s
                %3$s = \"""
                %4$s
                \"""
                # Glide keeps the text: EVALSHA first, and on NOSCRIPT it sends SCRIPT LOAD and EVALSHA again
                %5$s = Script(%3$s)""".formatted(l.file(), l.sha(), l.constantName(), body, l.pythonName()));
    }

    /** The three invokeScript calls of one spell, as they ran. */
    static Snippet cast(List<ValkeyCall<?>> calls) {
        StringBuilder java = new StringBuilder("// one spell, three limiters (each call: EVALSHA; NOSCRIPT → SCRIPT LOAD → EVALSHA)\n");
        StringBuilder py = new StringBuilder("# one spell, three limiters (each call: EVALSHA; NOSCRIPT → SCRIPT LOAD → EVALSHA)\n");
        for (ValkeyCall<?> c : calls) {
            Limiter l = limiterOf(c);
            java.append("Object[] ").append(l.javaName()).append("Reply = (Object[]) ").append(c.glideJava()).append(".get();\n");
            py.append(l.pythonName()).append("_reply = ").append(invokePython(l, c.args())).append('\n');
        }
        java.append("// token bucket reply: {allowed, tokens × 1000, tokens cut to an integer, now ms, TTL s}");
        py.append("# token bucket reply: [allowed, tokens × 1000, tokens cut to an integer, now ms, TTL s]");
        return Snippet.of(java.toString(), py.toString());
    }

    /** {@code await client.invoke_script(script, keys=[…], args=[…])} for an EVALSHA call's arguments. */
    static String invokePython(Limiter l, List<String> evalsha) {
        int numKeys = Integer.parseInt(evalsha.get(2));
        List<String> keys = evalsha.subList(3, 3 + numKeys);
        List<String> args = evalsha.subList(3 + numKeys, evalsha.size());
        return "await client.invoke_script(" + l.pythonName() + ", keys=" + list(keys) + ", args=" + list(args) + ")";
    }

    private static Limiter limiterOf(ValkeyCall<?> c) {
        for (Limiter l : Limiter.values()) if (c.args().size() > 1 && c.args().get(1).equals(l.sha())) return l;
        throw new IllegalArgumentException("not one of the limiters' scripts: " + c.args());
    }

    private static String list(List<String> items) {
        return items.stream().map(GlidePython::str).collect(Collectors.joining(", ", "[", "]"));
    }

    /** SCRIPT LOAD of the three scripts: the server answers each SHA1. */
    static Snippet load(List<Limiters.Loaded> loaded) {
        StringBuilder java = new StringBuilder("// SCRIPT LOAD: the server keeps the script and answers its SHA1\n");
        StringBuilder py = new StringBuilder("# SCRIPT LOAD: the server keeps the script and answers its SHA1\n");
        for (Limiters.Loaded l : loaded) {
            Limiter s = l.limiter();
            java.append(String.format(Locale.ROOT, "String %sSha = (String) client.customCommand(new String[]{\"SCRIPT\", \"LOAD\", %s}).get();%n"
                    + "// → \"%s\" (%s)%n", s.javaName(), s.constantName(), l.serverSha(), l.same() ? "= " + s.javaName() + ".getHash()" : "differs!"));
            py.append(String.format(Locale.ROOT, "%s_sha = await client.custom_command([\"SCRIPT\", \"LOAD\", %s])%n# → \"%s\"%n",
                    s.pythonName(), s.constantName(), l.serverSha()));
        }
        return Snippet.of(java.toString(), py.toString());
    }

    /** The script-cache demonstration: SCRIPT FLUSH, SCRIPT EXISTS, the counters, one spell. */
    static Snippet flush() {
        return Snippet.of("""
                client.scriptFlush().get();                        // the server forgets every script (sandbox only)
                Boolean[] known = client.scriptExists(new String[]{
                    fixedWindow.getHash(), tokenBucket.getHash(), slidingLog.getHash()}).get();  // false ×3
                Object before = client.customCommand(new String[]{"INFO", "commandstats"}).get();
                client.invokeScript(tokenBucket, options).get();   // EVALSHA → NOSCRIPT → SCRIPT LOAD → EVALSHA
                Object after = client.customCommand(new String[]{"INFO", "commandstats"}).get();""",
                """
                await client.script_flush()                        # the server forgets every script (sandbox only)
                known = await client.script_exists([fixed_window.get_hash(), token_bucket.get_hash(),
                                                    sliding_log.get_hash()])  # [False] * 3
                before = await client.custom_command(["INFO", "commandstats"])
                await client.invoke_script(token_bucket, keys=[key], args=args)  # EVALSHA → NOSCRIPT → SCRIPT LOAD → EVALSHA
                after = await client.custom_command(["INFO", "commandstats"])""");
    }

    /** The stress test, both ways. */
    static Snippet stress(int pipeline) {
        return Snippet.of("""
                // the script's way: each worker sends its casts %1$d at a time (a pipeline of EVALSHA)
                Batch batch = new Batch(false);
                for (int i = 0; i < %1$d; i++)
                    batch.customCommand(new String[]{"EVALSHA", tokenBucket.getHash(), "1", key, capacity, rate, "1"});
                Object[] replies = client.exec(batch, false).get();   // each reply: {allowed, tokens × 1000, …}

                // the wrong way, for contrast: read …
                Object[] r = client.exec(new Batch(false)
                    .hmget(key, new String[]{"tokens", "last_update"}).time(), false).get();
                // … decide in the app (the script's arithmetic), then write: others ran in between
                client.exec(new Batch(false)
                    .hset(key, Map.of("tokens", tokensLeft, "last_update", now))
                    .expire(key, ttl), false).get();""".formatted(pipeline),
                """
                # the script's way: each worker sends its casts %1$d at a time (a pipeline of EVALSHA)
                batch = Batch(is_atomic=False)
                for _ in range(%1$d):
                    batch.custom_command(["EVALSHA", token_bucket.get_hash(), "1", key, capacity, rate, "1"])
                replies = await client.exec(batch, raise_on_error=False)

                # the wrong way, for contrast: read …
                r = await client.exec(Batch(is_atomic=False)
                    .hmget(key, ["tokens", "last_update"]).time(), raise_on_error=False)
                # … decide in the app (the script's arithmetic), then write: others ran in between
                await client.exec(Batch(is_atomic=False)
                    .hset(key, {"tokens": tokens_left, "last_update": now})
                    .expire(key, ttl), raise_on_error=False)""".formatted(pipeline));
    }

    /** The first code the tab shows: the bucket's script and one call. */
    static Snippet intro(String bucketKey) {
        Snippet lua = lua(Limiter.BUCKET);
        return Snippet.of(lua.java() + "\n\nObject[] reply = (Object[]) client.invokeScript(tokenBucket, ScriptOptions.builder()\n"
                        + "    .key(\"" + bucketKey + "\").arg(\"5\").arg(\"1\").arg(\"3\").build()).get();",
                lua.python() + "\n\nreply = await client.invoke_script(token_bucket, keys=[\"" + bucketKey
                        + "\"], args=[\"5\", \"1\", \"3\"])");
    }
}
