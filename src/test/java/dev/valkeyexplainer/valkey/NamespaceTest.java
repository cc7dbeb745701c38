package dev.valkeyexplainer.valkey;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class NamespaceTest {

    @Test
    void ownsOnlyKeysThatStartWithThePrefix() {
        Namespace ns = Namespace.DEFAULT;
        assertTrue(ns.owns("vx:player:1"));
        assertFalse(ns.owns("vx"));
        assertFalse(ns.owns("VX:player"));
        assertFalse(ns.owns("player:vx:1"));
        assertEquals("vx:hll:dau", ns.key("hll:dau"));
        assertEquals("vx:*", ns.matchPattern());
    }

    @Test
    void refusesPrefixesThatWouldMatchTooMuch() {
        assertThrows(IllegalArgumentException.class, () -> new Namespace(""));
        assertThrows(IllegalArgumentException.class, () -> new Namespace("*"));
        assertThrows(IllegalArgumentException.class, () -> new Namespace("a?"));
        assertThrows(IllegalArgumentException.class, () -> new Namespace("a[b]"));
        assertThrows(IllegalArgumentException.class, () -> new Namespace("has space"));
        assertDoesNotThrow(() -> new Namespace("demo-1:"));
    }

    @Test
    void theGatewayRefusesAForeignWriteWithoutAServer() {
        // No connection at all: the namespace check comes first, so the refusal names the rule.
        try (ValkeyGateway g = new ValkeyGateway(Namespace.DEFAULT, new CommandJournal())) {
            CompletableFuture<String> f = g.send("t", "main", Commands.set("players:1", "x"));
            Throwable cause = assertThrows(Exception.class, f::get).getCause();
            assertTrue(cause instanceof Namespace.NamespaceViolation, String.valueOf(cause));
            assertTrue(cause.getMessage().contains("vx:"));
            Throwable multi = assertThrows(Exception.class, () -> g.send("t", "main",
                    Commands.del("vx:ok", "outside")).get()).getCause();
            assertTrue(multi instanceof Namespace.NamespaceViolation);
            assertTrue(List.of(Commands.set("vx:a", "b").writtenKeys()).get(0).contains("vx:a"));
        }
    }
}
