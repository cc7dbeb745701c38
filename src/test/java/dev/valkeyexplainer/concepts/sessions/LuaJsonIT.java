package dev.valkeyexplainer.concepts.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.TestValkey;
import dev.valkeyexplainer.valkey.ValkeyCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Lua stand-in for valkey-json against a real valkey-server: every path reads what the app's
 * port of the module's selector selects (so the highlighted nodes are the reply), writes reply as the
 * module does, bad input is refused with the module's message and changes nothing, and a library the
 * server lost is loaded again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LuaJsonIT {

    /** Paths the tab offers, and the module's own test paths: filters, slices, unions, recursion, errors. */
    static final List<String> PATHS = List.of(".email", "$.email", "email", "$.age", ".inventory[*].name", "$.inventory[*].name",
            "$.inventory[?(@.qty>1)].name", "$.inventory[?(@.rarity==\"legendary\")]", "$..name", "$.inventory[-1]",
            "$.inventory[0:2].rarity", "$.inventory[::-1]", "$.inventory[3:0:-1].name", "$.inventory[0,2].name", "$.*",
            "$.inventory[?(@.qty>1 && @.rarity!=\"common\")].name", "$.inventory[?(@.qty<2 || @.rarity=='common')].name",
            "$.inventory[?(2 <= @.qty)].name", "$.inventory[?(@.qty > $.inventory[0].qty)]", "$['inventory'][1]['name']",
            "$..qty", "$..[?(@.qty==1)].name", ".", "$", "$.nothing", ".nothing", "$.inventory[9]", ".inventory[9]",
            "$.email[0]", ".email[0]", "$.inventory[?(@.qty>)]", "$.inventory[0,,1]", "$.inventory[::0]", "$.", "$[",
            "$.inventory[?(@.qty>1)]..name", "$..inventory[*]..rarity", "$...name", "$.inventory.*.qty", ".inventory.*.qty",
            "$.inventory[?(@.name)].qty", "$.inventory[?(@.qty=='3')]", "$.inventory[?(@.qty==3.0)].name");

    private TestValkey valkey;
    private SessionStore store;
    private String key;

    @BeforeAll
    void start() throws Exception {
        valkey = new TestValkey();
        store = new SessionStore(valkey.gateway.scope("sessions", "test"), () -> false);
        key = store.jsonKey("lua-it");
        set("$", JsonValues.write(PlayerSession.sample(Instant.parse("2025-06-01T18:42:07Z")).toJson()));
    }

    @AfterAll
    void stop() {
        if (valkey != null) valkey.close();
    }

    private <T> T json(ValkeyCall<T> call) throws Exception {
        return store.sendJson(new ArrayList<>(), call).get(15, TimeUnit.SECONDS);
    }

    private String set(String path, String value) throws Exception {
        return json(store.engine().set(key, path, value));
    }

    private String get(String path) throws Exception {
        return json(store.engine().get(key, path));
    }

    /** The server's error message for a call that must fail, as the module words it (Glide writes "CODE: text"). */
    private String error(ValkeyCall<?> call) {
        try {
            json(call);
        } catch (ExecutionException e) {
            return JournalFormat.errorMessage(e).replaceFirst("^([A-Z]+): ", "$1 ");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError(call.args() + " did not fail");
    }

    @Test
    void everyPathReadsExactlyWhatTheAppSelects() throws Exception {
        String doc = get(null);
        for (String path : PATHS) {
            String expected = PathSelectorTest.reply(doc, path);
            PathSelection sel = PathSelector.select(JsonValues.parse(doc).orElseThrow(), path);
            if (sel.replyError() != null) {
                assertEquals(sel.replyError().message, error(store.engine().get(key, path)), path);
            } else {
                String reply = get(path);
                assertEquals(expected, reply, path);
                assertTrue(sel.agrees(reply), path);
            }
        }
    }

    @Test
    void theModulesOwnStoreExampleGivesItsAnswers() throws Exception {
        String k = store.jsonKey("lua-it-store");
        json(store.engine().set(k, ".", PathSelectorTest.STORE));
        for (String[] c : new String[][]{{"$.store.books[?(@.isbn)].price", "[9,22.99]"},
                {"$.store.books[?((@.price<9||@.price>10)&&@.isbn)].price", "[22.99]"},
                {"$.store.books[?(@.price < $.store.bicycle.price)].price", "[8.95,12.99,9]"},
                {"$..price", "[8.95,12.99,9,22.99,19.95]"}, {".store.books[1].movies[0].title", "\"Sword of Honour\""}}) {
            assertEquals(c[1], json(store.engine().get(k, c[0])), c[0]);
            assertEquals(c[1], PathSelectorTest.reply(PathSelectorTest.STORE, c[0]), "the app agrees: " + c[0]);
        }
    }

    @Test
    void writesReplyAsTheModuleDoes() throws Exception {
        String k = store.jsonKey("lua-it-writes");
        json(store.engine().set(k, "$", "{\"a\":1,\"b\":[1],\"c\":\"x\",\"d\":1.50,\"e\":{\"f\":[]}}"));
        assertEquals("OK", json(store.engine().set(k, "$.c", "\"y\"")));
        assertEquals("OK", json(store.engine().set(k, "$.new", "{\"n\":null}")), "a new last member is inserted");
        assertEquals("[2]", json(store.engine().numincrby(k, "$.a", 1L)));
        assertEquals("3", json(store.engine().numincrby(k, ".a", 1L)), "restricted path: one value");
        assertEquals("[2]", json(store.engine().numincrby(k, "$.d", new java.math.BigDecimal("0.5"))), "%.17g, as the module writes");
        assertEquals("[null]", json(store.engine().numincrby(k, "$.c", 1L)), "not a number: null, nothing changed");
        assertEquals("[]", json(store.engine().numincrby(k, "$.nothing", 1L)));
        assertEquals(2L, json(store.engine().arrappend(k, ".b", List.of("2"))));
        Object r = json(store.engine().arrappend(k, "$..*", List.of("0")));
        assertTrue(r instanceof Object[], "JSONPath: one length per match");
        assertEquals("[null,3,null,null,null,null,null,null,1,null]", java.util.Arrays.stream((Object[]) r).map(String::valueOf)
                .map(s -> s.equals("null") ? "null" : s).collect(Collectors.joining(",", "[", "]")), "nulls for what is not an array");
        assertEquals("{\"a\":3,\"b\":[1,2,0],\"c\":\"y\",\"d\":2,\"e\":{\"f\":[0]},\"new\":{\"n\":null}}", json(store.engine().get(k, null)));
        assertEquals("NONEXISTENT JSON path does not exist", error(store.engine().set(k, "$.x.y", "1")));
        assertEquals("SYNTAXERR A new Valkey key's path must be root", error(store.engine().set(store.jsonKey("lua-it-none"), "$.a", "1")));
        assertNull(json(store.engine().get(store.jsonKey("lua-it-none"), "$")), "no key: no reply");
        assertEquals("NONEXISTENT Document key does not exist", error(store.engine().numincrby(store.jsonKey("lua-it-none"), "$.a", 1L)));
    }

    @Test
    void badInputIsRefusedWithTheModulesMessageAndChangesNothing() throws Exception {
        String before = get(null);
        assertEquals("SYNTAXERR Failed to parse JSON string due to syntax error", error(store.engine().set(key, "$.guild", "Night Owls")));
        assertEquals("SYNTAXERR Failed to parse JSON string due to syntax error", error(store.engine().set(key, "$", "{\"name\":")));
        assertEquals("SYNTAXERR Invalid number", error(store.engine().get(key, "$.inventory[?(@.qty>)]")));
        assertEquals("SYNTAXERR Invalid number", error(store.engine().set(key, "$.inventory[?(@.qty>)].qty", "1")));
        assertEquals("WRONGTYPE JSON element is not a number", error(store.engine().numincrby(key, ".guild", 1L)));
        assertEquals("WRONGTYPE JSON element is not an array", error(store.engine().arrappend(key, ".guild", List.of("1"))));
        assertEquals("SYNTAXERR Failed to parse JSON string due to syntax error", error(store.engine().arrappend(key, "$.inventory", List.of("{oops"))));
        // the server's own guard against a non-number (the app refuses one before sending, see SessionStoreIT)
        assertEquals("WRONGTYPE Value is not a number",
                error(Commands.write(List.of(key), "FCALL", "vx_json_numincrby", "1", key, "$.level", "abc")));
        String huge = "{\"bio\":\"" + "x".repeat(LuaJsonEngine.MAX_DOCUMENT_BYTES) + "\"}";
        assertTrue(error(store.engine().set(key, "$", huge)).startsWith("LIMIT Document size limit is exceeded"));
        assertTrue(error(store.engine().set(key, "$.bio", "\"" + "x".repeat(LuaJsonEngine.MAX_DOCUMENT_BYTES) + "\""))
                .startsWith("LIMIT Document size limit is exceeded"), "a change that would pass the bound is refused too");
        String deep = "[".repeat(129) + "]".repeat(129);
        assertEquals("LIMIT Document path nesting limit is exceeded", error(store.engine().set(key, "$.deep", deep)));
        assertEquals(before, get(null), "nothing changed");
    }

    @Test
    void aLibraryTheServerLostIsLoadedAgain() throws Exception {
        valkey.send(Commands.read("FUNCTION", "FLUSH"));
        int rows = valkey.journal.size();
        assertTrue(get("$.email").contains("alice@example.com"));
        assertTrue(valkey.journal.snapshot().stream().skip(rows).anyMatch(e -> e.commandText().startsWith("FUNCTION LOAD REPLACE")),
                "FUNCTION LOAD REPLACE was journaled");
    }
}
