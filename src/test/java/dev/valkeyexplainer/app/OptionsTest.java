package dev.valkeyexplainer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OptionsTest {

    @Test
    void defaultsMeanTheSandboxAndTheVxPrefix() {
        Options.Parsed p = Options.parse();
        assertNull(p.connect());
        assertEquals("vx:", p.namespace().prefix());
        assertEquals(1600, p.width());
        assertEquals(960, p.height());
        assertEquals(1.0, p.scale());
    }

    @Test
    void readsEveryOption() {
        Options.Parsed p = Options.parse("--connect", "valkey://u:p@h:7000", "--prefix", "demo:", "--screenshots", "out",
                "--tab", "hll", "--theme", "dark", "--scale", "1.5", "--size", "1280x720", "--fullscreen");
        assertEquals("h", p.connect().host());
        assertEquals("demo:", p.namespace().prefix());
        assertEquals(Path.of("out"), p.screenshots());
        assertEquals("hll", p.tab());
        assertTrue(p.dark());
        assertEquals(1.5, p.scale());
        assertEquals(1280, p.width());
        assertTrue(p.fullscreen());
    }

    @Test
    void badValuesBecomeParameterErrorsWithReadableMessages() {
        assertMessage("has no scheme", "--connect", "localhost:6379");
        assertMessage("prefix", "--prefix", "*");
        assertMessage("light or dark", "--theme", "blue");
        assertMessage("between 0.5 and 3", "--scale", "7");
        assertMessage("1600x960", "--size", "big");
        assertMessage("at least 800x600", "--size", "100x100");
        assertThrows(CommandLine.UnmatchedArgumentException.class, () -> Options.parse("--nope"));
    }

    private static void assertMessage(String expected, String... args) {
        CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class, () -> Options.parse(args));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
