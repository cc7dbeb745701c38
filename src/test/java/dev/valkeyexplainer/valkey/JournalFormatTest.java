package dev.valkeyexplainer.valkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.GlideString;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalFormatTest {

    @Test
    void masksPasswordsInAuthHelloConfigAndAcl() {
        assertEquals(List.of("AUTH", "****"), JournalFormat.mask(List.of("AUTH", "pw")));
        assertEquals(List.of("AUTH", "bob", "****"), JournalFormat.mask(List.of("AUTH", "bob", "pw")));
        assertEquals(List.of("HELLO", "3", "AUTH", "bob", "****", "SETNAME", "x"),
                JournalFormat.mask(List.of("HELLO", "3", "AUTH", "bob", "pw", "SETNAME", "x")));
        assertEquals(List.of("CONFIG", "SET", "requirepass", "****"), JournalFormat.mask(List.of("CONFIG", "SET", "requirepass", "pw")));
        assertEquals(List.of("ACL", "SETUSER", "u", "on", ">****"), JournalFormat.mask(List.of("ACL", "SETUSER", "u", "on", ">pw")));
        assertEquals(List.of("GET", "AUTH"), JournalFormat.mask(List.of("GET", "AUTH")), "only real AUTH commands");
    }

    @Test
    void longArgumentsAreElidedWithTheirLength() {
        String big = "x".repeat(5_000);
        String shown = JournalFormat.display(List.of("SET", "vx:k", big)).get(2);
        assertTrue(shown.length() <= JournalFormat.MAX_ARG_CHARS + 1, shown);
        assertTrue(shown.endsWith("…(5,000 chars)"), shown);
    }

    @Test
    void longArgumentListsShowTheirFirstArgumentsAndACount() {
        List<String> args = new java.util.ArrayList<>(List.of("PFADD", "vx:hll"));
        for (int i = 0; i < 5_000; i++) args.add("user:" + i);
        List<String> shown = JournalFormat.display(args);
        assertEquals(JournalFormat.MAX_ARGS - 1, shown.size());
        assertEquals("PFADD", shown.get(0));
        assertEquals("…(+4,992 more)", shown.get(shown.size() - 1));
    }

    @Test
    void repliesReadLikeValkeyCli() {
        assertEquals("(nil)", JournalFormat.reply(null));
        assertEquals("(integer) 3", JournalFormat.reply(3L));
        assertEquals("\"OK\"", JournalFormat.reply("OK"));
        assertEquals("[\"a\", (integer) 1]", JournalFormat.reply(new Object[]{"a", 1L}));
        assertEquals("<3 bytes>", JournalFormat.reply(GlideString.of(new byte[]{(byte) 0xff, 0, (byte) 0xfe})));
        assertEquals("map(1)", JournalFormat.reply(Map.of("a", 1)));
        assertEquals("\"# Server↵a:1\"", JournalFormat.reply("# Server\r\na:1"));
        assertEquals("(error) boom", JournalFormat.reply(new RuntimeException("wrapper", new IllegalStateException("boom"))));
    }

    @Test
    void cliLinesQuoteWhatNeedsQuotingAndHideThePassword() {
        ConnectionTarget t = ConnectionTarget.embedded(7000, "pw123");
        String line = JournalFormat.cliLine(List.of("SET", "vx:k", "two words", "EX", "5"), t);
        assertEquals("valkey-cli -h 127.0.0.1 -p 7000 -a '****' SET vx:k \"two words\" EX 5", line);
        assertFalse(JournalFormat.cliLine(List.of("AUTH", "pw123"), t).contains("pw123"));
        assertEquals("\"a\\\"b\"", JournalFormat.quote("a\"b"));
    }

    @Test
    void glideSnippetsAreJavaLiterals() {
        assertEquals("new String[]{\"PFADD\", \"vx:h\", \"a\\\"b\"}", JournalFormat.javaArray(List.of("PFADD", "vx:h", "a\"b")));
    }

    @Test
    void aBatchErrorIsWordedAsTheServerWordsIt() {
        assertEquals("NOPERM User readonly has no permissions to run the 'multi' command", JournalFormat.errorMessage(
                new RuntimeException("An error was signalled by the server: - PermissionDenied: User readonly has no permissions"
                        + " to run the 'multi' command")));
        assertEquals("ExecAbortError Transaction discarded", JournalFormat.errorMessage(
                new RuntimeException("An error was signalled by the server: - ExecAbortError: Transaction discarded")));
        assertEquals("MULTI", ValkeyGateway.denial(JournalFormat.errorMessage(new RuntimeException(
                "An error was signalled by the server: - PermissionDenied: User u has no permissions to run the 'multi' command"))));
    }
}
