package dev.valkeyexplainer.concepts.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.valkey.TestServers;
import dev.valkeyexplainer.valkey.TestValkey;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tab's server actions against a real valkey-server: the talk's figures, bad input, other keys. */
class GeoActionsIT {

    private static TestValkey valkey;
    private static GeoActions actions;
    private static KeyFinder finder;

    @BeforeAll
    static void start() throws Exception {
        valkey = new TestValkey();
        var scope = valkey.gateway.scope("geo", "test");
        actions = new GeoActions(scope);
        finder = new KeyFinder(scope);
    }

    @AfterAll
    static void stop() {
        valkey.close();
    }

    private static <T> T get(java.util.concurrent.CompletableFuture<T> f) throws Exception {
        return f.get(15, TimeUnit.SECONDS);
    }

    @Test
    void theTalksExampleGivesItsFigures() throws Exception {
        String key = valkey.gateway.namespace().key("geo-it:talk");
        assertEquals(2L, get(actions.loadTalkExample(key)).value(), "both GEOADDs added a member");
        GeoModel.Distance d = get(actions.distance(key, "Alice", "Beach One")).value();
        assertEquals(1617, d.m(), 5, "about 1,617 m");
        assertEquals(d.m() / 1000, d.km(), 0.0001);
        assertEquals(d.m() / 1609.34, d.mi(), 0.0001);
        assertEquals(d.m() / 0.3048, d.ft(), 0.0001);
        double[] q = GameWorld.queryPoint();
        GeoModel.Search three = get(actions.search(key, SearchShape.circle(q[0], q[1], 3, SearchShape.Unit.KM), null, 0)).value();
        assertEquals(List.of("Alice", "Beach One"), three.hits().stream().map(GeoCommands.Hit::member).toList());
        GeoModel.Search one = get(actions.search(key, SearchShape.circle(q[0], q[1], 1, SearchShape.Unit.KM), null, 0)).value();
        assertEquals(List.of("Alice"), one.hits().stream().map(GeoCommands.Hit::member).toList());
        assertTrue(one.candidates() >= 1);
        GeoModel.Search fromAlice = get(actions.search(key, SearchShape.circle(0, 0, 2, SearchShape.Unit.KM), "Alice", 1)).value();
        assertEquals(List.of("Alice"), fromAlice.hits().stream().map(GeoCommands.Hit::member).toList(), "COUNT 1, nearest first");
        GeoModel.Detail alice = get(actions.inspect(key, "Alice", 14)).value();
        assertEquals(GeoHash.score(GameWorld.talkPreset().get(0).lon(), GameWorld.talkPreset().get(0).lat()), alice.score());
        assertEquals(GeoHash.position(alice.score())[0], alice.geopos()[0], 1e-12);
        assertTrue(alice.cellMembers().contains("Alice"));
    }

    @Test
    void badInputIsRefusedAndNothingIsAdded() throws Exception {
        String key = valkey.gateway.namespace().key("geo-it:bad");
        get(actions.add(key, "Zed", 1, 1));
        int before = valkey.journal.size();
        for (double[] p : new double[][]{{0, 85.06}, {0, -85.1}, {180.5, 0}, {-181, 0}, {Double.NaN, 0}, {0, Double.NaN}}) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> get(actions.add(key, "X", p[0], p[1])));
            assertTrue(e.getCause() instanceof IllegalArgumentException, String.valueOf(e.getCause()));
        }
        assertThrows(ExecutionException.class, () -> get(actions.add(key, " ", 1, 1)));
        assertThrows(ExecutionException.class, () -> get(actions.search(key, SearchShape.circle(1, 1, 0, SearchShape.Unit.M), null, 0)));
        assertThrows(ExecutionException.class, () -> get(actions.search(key, SearchShape.circle(1, 1, -3, SearchShape.Unit.KM), null, 0)));
        assertEquals(before, valkey.journal.size(), "nothing was sent");
        ExecutionException unknown = assertThrows(ExecutionException.class,
                () -> get(actions.search(key, SearchShape.circle(0, 0, 1, SearchShape.Unit.KM), "Nobody", 0)));
        assertTrue(unknown.getCause().getMessage().contains("No member 'Nobody'"));
        ExecutionException dist = assertThrows(ExecutionException.class, () -> get(actions.distance(key, "Zed", "Nobody")));
        assertTrue(dist.getCause().getMessage().contains("not a member"));
        assertEquals(1L, get(actions.read(key, true)).total(), "only Zed");
    }

    @Test
    void geoKeysAnywhereAreFoundAndOtherSortedSetsAreNot() throws Exception {
        int port = valkey.server.port();
        String pw = valkey.server.target().password();
        TestServers.rawCommand(port, pw, "GEOADD Sicily 13.361389 38.115556 Palermo 15.087269 37.502669 Catania");
        TestServers.rawCommand(port, pw, "ZADD leaderboard 100 alice 2500 bob");
        TestServers.rawCommand(port, pw, "ZADD weird 1.5 a");
        TestServers.rawCommand(port, pw, "SET plain hello");
        List<KeyFinder.Found> found = get(finder.find());
        KeyFinder.Found sicily = found.stream().filter(f -> f.key().equals("Sicily")).findFirst().orElseThrow();
        assertTrue(sicily.geo());
        assertEquals(2, sicily.size());
        assertFalse(found.stream().filter(f -> f.key().equals("leaderboard")).findFirst().orElseThrow().geo());
        assertFalse(found.stream().filter(f -> f.key().equals("weird")).findFirst().orElseThrow().geo());
        assertTrue(found.stream().noneMatch(f -> f.key().equals("plain")), "SCAN TYPE zset skips strings");
        assertTrue(get(finder.inspect("plain")).problem().contains("not a sorted set"));
        assertTrue(get(finder.inspect("missing")).problem().contains("does not exist"));
        GeoModel.Snapshot s = get(actions.read("Sicily", false));
        assertEquals(List.of("Palermo", "Catania"), s.members().stream().map(GeoModel.Member::name).toList());
        // read-only: the gateway refuses a write outside the namespace
        assertThrows(ExecutionException.class, () -> get(actions.add("Sicily", "Rome", 12.5, 41.9)));
        assertEquals(2L, get(actions.read("Sicily", false)).total());
    }
}
