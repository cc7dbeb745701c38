package dev.valkeyexplainer.concepts.csc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.concept.Snippet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The code panel's Java and Python name the same Valkey commands, and the mode snippet is what the app sends. */
class CscCodeTest {

    private static final List<String> COMMANDS = List.of("CLIENT ID", "SUBSCRIBE", "__redis__:invalidate", "CLIENT TRACKING",
            "REDIRECT", "BCAST", "PREFIX", "NOLOOP", "OPTIN", "CLIENT CACHING", "GET", "OFF");

    /** The commands a snippet names, in either language's spelling ("CLIENT", "ID" or Command.CLIENT ... "ID"). */
    private static Set<String> named(String code) {
        String flat = code.replaceAll("[\\[\\]\"(),{}]|new String|Command\\.|CommandArguments", " ").replaceAll("\\.add ", " ")
                .replaceAll("\\s+", " ");
        Set<String> out = new TreeSet<>();
        for (String c : COMMANDS) if (flat.contains(c) || (c.equals("GET") && code.contains("get(key)"))) out.add(c);
        return out;
    }

    private static void same(Snippet s) {
        Set<String> java = named(s.java());
        assertFalse(java.isEmpty());
        assertEquals(java, named(s.python()), "Java:\n" + s.java() + "\nPython:\n" + s.python());
    }

    @Test
    void bothLanguagesNameTheSameCommands() {
        same(CscCode.POOL);
        same(CscCode.READ);
        same(CscCode.INVALIDATE);
        TrackingMode m = TrackingMode.defaults("vx:csc:player:");
        same(CscCode.mode(m, 4));
        same(CscCode.mode(m.withBcast(true).withNoloop(true), 4));
        same(CscCode.mode(m.withOptin(true), 4));
    }

    @Test
    void theModeSnippetShowsTheArgumentsTheAppSends() {
        TrackingMode m = TrackingMode.defaults("vx:csc:player:").withBcast(true).withNoloop(true);
        String java = CscCode.mode(m, 12).java();
        String args = String.join("\", \"", m.onArgs(12));
        assertTrue(java.contains(args), java);
        assertTrue(CscCode.POOL.java().contains("ClientSideCache") && CscCode.POOL.java().contains("serverAssisted(true)"),
                "the Glide 2.5 alternative is named");
    }
}
