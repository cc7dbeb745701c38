package dev.valkeyexplainer.concepts.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.concept.Snippet;
import dev.valkeyexplainer.valkey.CommandJournal;
import dev.valkeyexplainer.valkey.Namespace;
import dev.valkeyexplainer.valkey.ValkeyCall;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The code panel's Java and Python call the same Glide methods, in the same order, with what was sent. */
class RateLimitSnippetTest {

    /** The Glide methods called, normalised: {@code invokeScript} and {@code invoke_script} are both "invokescript". */
    private static List<String> methods(String code) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?:client|batch|\\))\\s*\\.\\s*([a-zA-Z_]+)\\(").matcher(code);
        while (m.find()) {
            String name = m.group(1).replace("_", "").toLowerCase(Locale.ROOT);
            if (!name.equals("builder") && !name.equals("build") && !name.equals("key") && !name.equals("arg")
                    && !name.equals("get") && !name.equals("gethash")) {
                out.add(name);
            }
        }
        return out;
    }

    private static void same(Snippet s) {
        List<String> java = methods(s.java());
        assertTrue(!java.isEmpty(), s.java());
        assertEquals(java, methods(s.python()), "\n" + s.java() + "\n---\n" + s.python());
    }

    @Test
    void everySnippetNamesTheSameCallsInBothLanguages() {
        try (ValkeyGateway gateway = new ValkeyGateway(Namespace.DEFAULT, new CommandJournal())) {
            Limiters l = new Limiters(gateway.scope("ratelimit", "bob"), "bob");
            List<ValkeyCall<?>> calls = new ArrayList<>(l.calls(Limiters.CastArgs.of(RateSettings.TALK, 3, "bob-1")));
            Snippet cast = RateLimitCode.cast(calls);
            same(cast);
            assertEquals(List.of("invokescript", "invokescript", "invokescript"), methods(cast.java()));
            assertTrue(cast.python().contains("await client.invoke_script(token_bucket, keys=[\"vx:ratelimit:{bob}:bucket\"],"
                    + " args=[\"5\", \"1\", \"3\"])"), cast.python());
            assertTrue(cast.java().contains(".key(\"vx:ratelimit:{bob}:bucket\")\n    .arg(\"5\")\n    .arg(\"1\")\n    .arg(\"3\")"),
                    cast.java());
            assertEquals(List.of("EVALSHA", Limiter.BUCKET.sha(), "1", "vx:ratelimit:{bob}:bucket", "5", "1", "3"), calls.get(1).args(),
                    "the journal shows what Glide sends");
            same(RateLimitCode.load(List.of(new Limiters.Loaded(Limiter.FIXED, Limiter.FIXED.sha(), Limiter.FIXED.sha()),
                    new Limiters.Loaded(Limiter.BUCKET, Limiter.BUCKET.sha(), Limiter.BUCKET.sha()))));
            same(RateLimitCode.flush());
            assertEquals(List.of("scriptflush", "scriptexists", "customcommand", "invokescript", "customcommand"),
                    methods(RateLimitCode.flush().java()));
            same(RateLimitCode.stress(50));
            same(RateLimitCode.intro(l.bucketKey));
            for (Limiter x : Limiter.values()) {
                Snippet lua = RateLimitCode.lua(x);
                assertTrue(lua.java().contains(x.source().strip()) && lua.python().contains(x.source().strip()), x.file());
                assertTrue(lua.java().contains(x.sha()), "the SHA is shown");
            }
        }
    }
}
