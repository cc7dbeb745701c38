package dev.valkeyexplainer.concepts.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.valkeyexplainer.valkey.CommandJournal;
import dev.valkeyexplainer.valkey.ConnectionTarget;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.Namespace;
import dev.valkeyexplainer.valkey.ValkeyCall;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * valkey-json and the Lua stand-in answer alike: on a server that has the module (the environment
 * variable {@code VX_TEST_MODULES_URL}, e.g. {@code valkey://localhost:6379} for a valkey/valkey-bundle
 * container), every operation the tab offers runs through both engines, on two keys, and the replies,
 * the errors and the documents must be the same. Skipped when the variable is not set.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonEnginesAgreeIT {

    private ValkeyGateway gateway;
    private SessionStore moduleStore;
    private SessionStore luaStore;

    @BeforeAll
    void connect() throws Exception {
        String url = System.getenv("VX_TEST_MODULES_URL");
        assumeTrue(url != null && !url.isBlank(), "VX_TEST_MODULES_URL is not set: no server with valkey-json to compare with");
        gateway = new ValkeyGateway(Namespace.DEFAULT, new CommandJournal());
        assumeTrue(gateway.connect(ConnectionTarget.parse(url)).get(30, TimeUnit.SECONDS).connected(), "cannot connect to " + url);
        assumeTrue(gateway.status().hasModule("json"), url + " has no json module");
        moduleStore = new SessionStore(gateway.scope("sessions-it", "module"), () -> true);
        luaStore = new SessionStore(gateway.scope("sessions-it", "lua"), () -> false);
    }

    @AfterAll
    void close() {
        if (gateway != null) {
            gateway.deleteByPrefix("sessions-it", "it", gateway.namespace().key("session:{agree-")).join();
            gateway.close();
        }
    }

    /** The reply as text, or the error as the server worded it. */
    private static String outcome(SessionStore store, ValkeyCall<?> call) {
        try {
            return SessionStore.replyText(store.sendJson(new ArrayList<>(), call).get(15, TimeUnit.SECONDS));
        } catch (Exception e) {
            return "(error) " + JournalFormat.errorMessage(e);
        }
    }

    private void both(String what, Function<JsonEngine, Function<String, ValkeyCall<?>>> op) {
        String m = outcome(moduleStore, op.apply(moduleStore.engine()).apply(moduleStore.jsonKey("agree-module")));
        String l = outcome(luaStore, op.apply(luaStore.engine()).apply(luaStore.jsonKey("agree-lua")));
        assertEquals(m, l, what);
    }

    @Test
    void everyOperationOfTheTabAnswersTheSameOnBothEngines() {
        String doc = JsonValues.write(PlayerSession.sample(Instant.parse("2025-06-01T18:42:07Z")).toJson());
        both("JSON.SET $", e -> k -> e.set(k, "$", doc));
        for (String path : LuaJsonIT.PATHS) both("JSON.GET " + path, e -> k -> e.get(k, path));
        both("set a field", e -> k -> e.set(k, "$.guild", "\"Night Owls\""));
        both("insert a field", e -> k -> e.set(k, "$.motto", "\"to the stars\""));
        both("invalid JSON", e -> k -> e.set(k, "$.guild", "Night Owls"));
        both("a path into nothing", e -> k -> e.set(k, "$.a.b", "1"));
        both("NUMINCRBY int", e -> k -> e.numincrby(k, "$.level", 1L));
        both("NUMINCRBY restricted", e -> k -> e.numincrby(k, ".level", 2L));
        both("NUMINCRBY decimal", e -> k -> e.numincrby(k, "$.age", new java.math.BigDecimal("0.5")));
        both("NUMINCRBY a string", e -> k -> e.numincrby(k, "$.guild", 1L));
        both("NUMINCRBY a string, restricted", e -> k -> e.numincrby(k, ".guild", 1L));
        both("NUMINCRBY many", e -> k -> e.numincrby(k, "$..qty", 1L));
        both("ARRAPPEND", e -> k -> e.arrappend(k, "$.inventory", List.of("{\"name\":\"Phoenix Feather\",\"qty\":1,\"rarity\":\"legendary\"}")));
        both("ARRAPPEND restricted", e -> k -> e.arrappend(k, ".inventory", List.of("1", "\"two\"")));
        both("ARRAPPEND not an array", e -> k -> e.arrappend(k, "$.guild", List.of("1")));
        both("ARRAPPEND invalid JSON", e -> k -> e.arrappend(k, "$.inventory", List.of("{oops")));
        both("syntax error", e -> k -> e.get(k, "$.inventory[?(@.qty>)]"));
        both("the document at the end", e -> k -> e.get(k, null));
        both("a missing key", e -> k -> e.get(k + ":none", "$"));
    }
}
