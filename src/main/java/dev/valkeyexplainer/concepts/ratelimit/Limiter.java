package dev.valkeyexplainer.concepts.ratelimit;

import glide.api.models.Script;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The three rate limiters of the tab, each one Lua script that runs on the server (the sources are
 * {@code fixed-window.lua}, {@code token-bucket.lua} and {@code sliding-log.lua} beside this class).
 * Each is a Glide {@link Script}: Glide hashes the text (SHA1, the same hash SCRIPT LOAD answers),
 * calls it with EVALSHA, and when the server answers NOSCRIPT it sends SCRIPT LOAD with the text it
 * keeps and runs EVALSHA again, all inside one {@code invokeScript}.
 *
 * <p>A script runs atomically: no other client's command runs between its commands (Valkey docs,
 * "Scripting with Lua", valkey.io/topics/eval-intro). That is what makes the read-decide-write of a
 * limiter safe under load. A script may call TIME before it writes: Valkey replicates a script's
 * effects (the commands it ran), not the script, so a replica never runs it at another time; and one
 * run sees one time. Each script takes an optional last argument "now" (ms) that only tests pass.
 */
public enum Limiter {
    /** The talk's first script: a counter per window, windows fixed on the clock. */
    FIXED("Fixed window", "fixed-window.lua", "fixedWindow", "fixed_window", "FIXED_WINDOW_LUA"),
    /** The talk's second script: capacity, refill rate, cost. */
    BUCKET("Token bucket", "token-bucket.lua", "tokenBucket", "token_bucket", "TOKEN_BUCKET_LUA"),
    /** Beyond the talk: a log of allowed spells in a sorted set, so any window of time holds at most the limit. */
    LOG("Sliding-window log", "sliding-log.lua", "slidingLog", "sliding_log", "SLIDING_LOG_LUA");

    private final String title;
    private final String file;
    private final String javaName;
    private final String pythonName;
    private final String constantName;
    private String source;
    private Script script;

    Limiter(String title, String file, String javaName, String pythonName, String constantName) {
        this.title = title;
        this.file = file;
        this.javaName = javaName;
        this.pythonName = pythonName;
        this.constantName = constantName;
    }

    public String title() {
        return title;
    }

    /** The script's file name, e.g. {@code token-bucket.lua}. */
    public String file() {
        return file;
    }

    /** The variable that holds the {@code Script} in the code panel's Java, e.g. {@code tokenBucket}. */
    public String javaName() {
        return javaName;
    }

    /** The same in Python, e.g. {@code token_bucket}. */
    public String pythonName() {
        return pythonName;
    }

    /** The constant that holds the Lua text in the code panel, e.g. {@code TOKEN_BUCKET_LUA}. */
    public String constantName() {
        return constantName;
    }

    /** The Lua text, as sent by SCRIPT LOAD. */
    public synchronized String source() {
        if (source == null) source = read(file);
        return source;
    }

    /** The Glide script (made once; never closed, so Glide can always load it again after NOSCRIPT). */
    public synchronized Script script() {
        if (script == null) script = new Script(source(), false);
        return script;
    }

    /** SHA1 of the text, hex, as Glide computed it: SCRIPT LOAD must answer the same. */
    public String sha() {
        return script().getHash();
    }

    private static String read(String file) {
        try (InputStream in = Limiter.class.getResourceAsStream(file)) {
            if (in == null) throw new UncheckedIOException(new IOException("missing resource " + file));
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
