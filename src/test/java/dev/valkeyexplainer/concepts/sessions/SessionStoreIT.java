package dev.valkeyexplainer.concepts.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.TestValkey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The session stored both ways on a real server (Lua engine): edits reach both, bad input changes neither. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionStoreIT {

    private TestValkey valkey;
    private SessionStore store;
    private String id;

    @BeforeAll
    void start() throws Exception {
        valkey = new TestValkey();
        store = new SessionStore(valkey.gateway.scope("sessions", "test"), () -> false);
    }

    @AfterAll
    void stop() {
        if (valkey != null) valkey.close();
    }

    @BeforeEach
    void newSession() throws Exception {
        String previous = id;
        id = get(store.create(PlayerSession.sample(Instant.parse("2025-06-01T18:42:07Z")), previous)).value();
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    private SessionsModel.Snapshot read() throws Exception {
        return get(store.read(id));
    }

    private static String refusal(CompletableFuture<?> f) {
        try {
            f.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return JournalFormat.errorMessage(e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("it was not refused");
    }

    @Test
    void aNewSessionIsTheSameDataBothWays() throws Exception {
        SessionsModel.Snapshot s = read();
        assertEquals(java.util.Set.of("name", "email", "age", "level", "guild", "last_seen", "inventory"), s.hash().fields().keySet());
        Map<?, ?> config = (Map<?, ?>) valkey.send(MemoryExperiment.configGet());
        long limit = Long.parseLong(String.valueOf(config.get("hash-max-listpack-value")));
        assertTrue(s.hash().fields().get("inventory").length() > limit);
        assertEquals("hashtable", s.hash().encoding(), "the serialised inventory is longer than hash-max-listpack-value");
        assertTrue(s.hash().memory() > 0 && s.json().memory() > 0);
        assertEquals(PlayerSession.hashFields(s.json().doc()), s.hash().fields(), "each field is the document's member");
        assertEquals("[{\"name\":\"Healing Potion\",\"qty\":3,\"rarity\":\"common\"},{\"name\":\"Dragon Scale\",\"qty\":1,"
                + "\"rarity\":\"legendary\"},{\"name\":\"Iron Sword\",\"qty\":1,\"rarity\":\"rare\"},{\"name\":\"Mana Elixir\","
                + "\"qty\":2,\"rarity\":\"uncommon\"}]", s.hash().fields().get("inventory"), "the inventory is one serialised field");
    }

    @Test
    void editsReachBothStores() throws Exception {
        SessionStore.Edit e = get(store.setField(id, "guild", "\"Night Owls\"")).value();
        assertNull(e.json().error());
        assertNull(e.hash().error());
        e = get(store.increment(id, "level", "2")).value();
        assertEquals("[14]", e.json().reply());
        assertEquals("14", e.hash().reply());
        get(store.addItem(id, new PlayerSession.Item("Phoenix Feather", 1, "legendary")));
        SessionsModel.Snapshot s = read();
        assertEquals("Night Owls", s.hash().fields().get("guild"));
        assertEquals("Night Owls", s.json().doc().get("guild").textValue());
        assertEquals("14", s.hash().fields().get("level"));
        assertEquals(14, s.json().doc().get("level").intValue());
        assertEquals(5, s.json().doc().get("inventory").size());
        assertEquals(s.json().doc().get("inventory"), JsonValues.parse(s.hash().fields().get("inventory")).orElseThrow());
        assertEquals(PlayerSession.hashFields(s.json().doc()), s.hash().fields());
    }

    @Test
    void badInputChangesNeitherStore() throws Exception {
        SessionsModel.Snapshot before = read();
        int rows = valkey.journal.size();
        assertTrue(refusal(store.increment(id, "level", "abc")).contains("'abc' is not a number"));
        assertTrue(refusal(store.addItem(id, new PlayerSession.Item("Pebble", 0, "common"))).contains("from 1 to 999"));
        assertTrue(refusal(store.replaceDocument(id, "{\"bio\":\"" + "x".repeat(70_000) + "\"}")).contains("at most 65,536 bytes"));
        assertTrue(refusal(store.replaceDocument(id, "[1,2]")).contains("JSON object"));
        assertTrue(refusal(store.query(id, " ")).startsWith("Type a path"));
        assertEquals(rows, valkey.journal.size(), "the app refused those: nothing was sent");

        SessionStore.Edit invalid = get(store.setField(id, "guild", "Night Owls")).value();
        assertTrue(invalid.json().error().contains("Failed to parse JSON string"), invalid.json().error());
        assertNull(invalid.hash(), "the HSET is not sent when the server refused the JSON");
        SessionStore.Edit notNumber = get(store.increment(id, "guild", "1")).value();
        assertEquals("[null]", notNumber.json().reply(), "valkey-json: not a number, nothing changed");
        assertTrue(notNumber.hash().error().contains("hash value is not an integer"), notNumber.hash().error());
        SessionStore.Edit broken = get(store.replaceDocument(id, "{\"name\": \"Alice\",")).value();
        assertTrue(broken.json().error().contains("Failed to parse JSON string"));
        SessionsModel.Query syntax = get(store.query(id, "$.inventory[?(@.qty>)]")).value();
        assertTrue(syntax.error().contains("Invalid number"), syntax.error());
        assertTrue(syntax.matches().isEmpty());
        SessionsModel.Query nothing = get(store.query(id, "$.nothing")).value();
        assertEquals("[]", nothing.reply());
        SessionsModel.Snapshot after = read();
        assertEquals(before.hash().fields(), after.hash().fields(), "the Hash is as it was");
        assertEquals(before.json().text(), after.json().text(), "the document is as it was");
    }

    @Test
    void theHighlightedNodesAreTheReply() throws Exception {
        SessionsModel.Query q = get(store.query(id, "$.inventory[?(@.qty>1)].name")).value();
        assertEquals("[\"Healing Potion\",\"Mana Elixir\"]", q.reply());
        assertTrue(q.agrees());
        assertEquals(List.of("/inventory/0/name", "/inventory/3/name"), q.matches());
        SessionsModel.Query one = get(store.query(id, ".email")).value();
        assertEquals("\"alice@example.com\"", one.reply());
        assertEquals(List.of("/email"), one.matches());
        assertTrue(one.hashNote().startsWith("Hash: HGET"), one.hashNote());
        SessionsModel.Query all = get(store.query(id, "$..name")).value();
        assertEquals(5, all.matches().size());
        assertTrue(all.hashNote().contains("no command reaches inside a field"));
    }

    @Test
    void theEncodingSwitchesAtTheLimitsTheServerReports() throws Exception {
        MemoryExperiment exp = new MemoryExperiment(valkey.gateway.scope("sessions", "test"));
        SessionsModel.MemoryRun run = get(exp.run(PlayerSession.sample(Instant.EPOCH)));
        Map<?, ?> config = (Map<?, ?>) valkey.send(MemoryExperiment.configGet());
        long entries = Long.parseLong(String.valueOf(config.get("hash-max-listpack-entries")));
        long value = Long.parseLong(String.valueOf(config.get("hash-max-listpack-value")));
        assertEquals(entries, run.limits().entries());
        assertEquals(value, run.limits().value());
        assertEquals(entries + 1, SessionsModel.MemoryRun.switchAt(run.byFields()), "the first field past the limit converts");
        assertEquals(value + 1, SessionsModel.MemoryRun.switchAt(run.byValue()), "the first byte past the limit converts");
        SessionsModel.MemoryPoint last = run.byFields().get((int) entries - 1);
        SessionsModel.MemoryPoint first = run.byFields().get((int) entries);
        assertEquals("listpack", last.encoding());
        assertTrue(first.bytes() > last.bytes(), "a hashtable takes more memory than the listpack it replaced");
        assertTrue(run.byValue().stream().allMatch(p -> p.bytes() > 0));
        assertEquals(0L, valkey.send(dev.valkeyexplainer.valkey.Commands.read("EXISTS", exp.fieldsKey(), exp.valueKey())),
                "the experiment's keys are gone");
    }

    @Test
    void theServerFiltersWithFewerBytesThanTheHashCanSend() throws Exception {
        SessionsModel.WireRun run = get(new WireExperiment(store).run(PlayerSession.sample(Instant.EPOCH), 200));
        assertEquals(3, run.variants().size());
        SessionsModel.WireVariant json = run.variants().get(0);
        SessionsModel.WireVariant all = run.variants().get(1);
        SessionsModel.WireVariant one = run.variants().get(2);
        assertTrue(run.variants().stream().allMatch(v -> v.matched() == 1 && v.medianMicros() > 0), run.toString());
        assertTrue(json.replyBytes() * 20 < all.replyBytes(), run.toString());
        assertTrue(one.replyBytes() < all.replyBytes() && json.replyBytes() < one.replyBytes(), run.toString());
        String reply = get(store.sendJson(new java.util.ArrayList<>(), store.engine().get(store.jsonKey("wire"), WireExperiment.FILTER)));
        assertEquals(WireExperiment.respBytes(reply), json.replyBytes());
        assertFalse(reply.isEmpty());
    }
}
