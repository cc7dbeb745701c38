package dev.valkeyexplainer.concepts.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.concept.Snippet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The code panel's Java and Python call the same commands, with Glide's JSON module API either way. */
class SessionsCodeTest {

    private static final Pattern CALL = Pattern.compile("\\b(client|Json|glide_json)\\.([a-zA-Z_]+)\\(");

    /** The commands a snippet calls, in order, as {@code json.set}, {@code hset}, … (language spelling removed). */
    static List<String> calls(String code) {
        List<String> out = new ArrayList<>();
        Matcher m = CALL.matcher(code);
        while (m.find()) {
            String who = m.group(1).equals("client") ? "" : "json.";
            out.add(who + m.group(2).replace("_", "").toLowerCase(Locale.ROOT));
        }
        return out;
    }

    @Test
    void javaAndPythonCallTheSameCommandsWithEitherEngine() {
        String hk = "vx:session:{x}";
        String jk = hk + ":json";
        for (boolean module : new boolean[]{true, false}) {
            List<Snippet> all = List.of(SessionsCode.intro(module),
                    SessionsCode.create(module, hk, jk, Map.of("email", "a@b"), "{\"email\":\"a@b\"}"),
                    SessionsCode.setField(module, hk, jk, "guild", "$.guild", "\"Night Owls\"", "Night Owls"),
                    SessionsCode.increment(module, hk, jk, "level", "$.level", 1L),
                    SessionsCode.increment(module, hk, jk, "level", "$.level", new java.math.BigDecimal("0.5")),
                    SessionsCode.addItem(module, hk, jk, "{\"name\":\"x\"}"),
                    SessionsCode.replace(module, hk, jk),
                    SessionsCode.query(module, hk, jk, "$.inventory[*]"),
                    SessionsCode.wire(module, hk, jk));
            for (Snippet s : all) {
                assertFalse(calls(s.java()).isEmpty(), s.java());
                assertEquals(calls(s.java()), calls(s.python()), s.java() + "\n---\n" + s.python());
                assertEquals(!module, s.java().contains("no valkey-json") && s.python().contains("no valkey-json"),
                        "the Lua engine is said when it ran");
            }
        }
        assertTrue(calls(SessionsCode.addItem(true, hk, jk, "{}").java()).containsAll(List.of("json.arrappend", "hget", "hset")));
        Snippet memory = SessionsCode.memory(hk);
        assertEquals(calls(memory.java()), calls(memory.python()));
    }
}
