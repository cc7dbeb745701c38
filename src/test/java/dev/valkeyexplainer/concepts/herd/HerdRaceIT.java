package dev.valkeyexplainer.concepts.herd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.db.GameDatabase;
import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.TestValkey;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The thundering-herd race against a real valkey-server and the real H2 database. */
class HerdRaceIT {

    private static TestValkey valkey;
    private static GameDatabase db;

    @BeforeAll
    static void start() throws Exception {
        valkey = new TestValkey();
        db = new GameDatabase(500);
    }

    @AfterAll
    static void stop() {
        db.close();
        valkey.close();
    }

    private HerdRace.Result race(int workers, boolean lock, long lockTtlMs, int dbDelayMs) throws Exception {
        HerdRace.Config cfg = new HerdRace.Config(workers, lock, lockTtlMs, dbDelayMs, 20, 60, 42);
        return new HerdRace(valkey.gateway.scope("herd", "race"), db, cfg, HerdRace.Gate.OPEN, e -> { })
                .run().get(60, TimeUnit.SECONDS);
    }

    @Test
    void withTheLockExactlyOneOf32WorkersLoadsAndAllReturnTheSameValue() throws Exception {
        HerdRace.Result r = race(32, true, 5_000, 40);
        assertEquals(1, r.dbLoads(), "database loads for one expiry");
        assertEquals(32, r.values().size());
        assertTrue(r.allSame(), "every worker returned the loaded row");
        // A late worker can still win a released lock; it then finds the value on its second GET and
        // loads nothing. Every winner releases its own lock.
        long won = r.events().stream().filter(e -> e.kind() == HerdRace.Kind.LOCK_WON).count();
        assertTrue(won >= 1);
        assertEquals(won, r.events().stream().filter(e -> e.kind() == HerdRace.Kind.RELEASED).count());
        assertTrue(r.events().stream().filter(e -> e.kind() == HerdRace.Kind.GET_MISS).count() >= 2, "the herd did miss");
        assertEquals(null, valkey.send(Commands.get("vx:lock:herd:player:42")), "the lock is released");
    }

    @Test
    void theWorkersSendExactlyTheCommandsTheirCodeShows() throws Exception {
        for (boolean lock : new boolean[]{true, false}) {
            int before = valkey.journal.size();
            HerdRace.Config cfg = HerdSetup.NORMAL.config(8, lock, false, 42);
            new HerdRace(valkey.gateway.scope("herd", "race"), db, cfg, HerdRace.Gate.OPEN, e -> { }).run().get(60, TimeUnit.SECONDS);
            var sent = dev.valkeyexplainer.concept.SnippetCheck.sent(valkey.journal.snapshot().stream().skip(before)
                    .filter(e -> e.connection().startsWith("worker-")).toList());
            var shown = HerdCode.worker("vx:herd:player:42", "vx:lock:herd:player:42", cfg);
            assertEquals(dev.valkeyexplainer.concept.SnippetCheck.commands(shown.java(), dev.valkeyexplainer.concept.CodeLanguage.JAVA),
                    sent, "lock " + lock);
        }
    }

    @Test
    void withoutTheLockTheHerdGoesToTheDatabase() throws Exception {
        HerdRace.Result r = race(32, false, 5_000, 40);
        assertTrue(r.dbLoads() > 1, "loads without the lock: " + r.dbLoads());
        assertTrue(r.allSame());
    }

    @Test
    void aLockThatExpiresBeforeTheLoadEndsLetsASecondWorkerIn() throws Exception {
        // lock TTL 300 ms, load 900 ms: the first holder's lock runs out while it still loads
        HerdRace.Result r = race(4, true, 300, 900);
        assertTrue(r.dbLoads() >= 2, "a second worker took the expired lock: " + r.dbLoads());
        assertTrue(r.notOwnerReleases() >= 1, "a late holder found the lock no longer its own and left it alone");
        assertTrue(r.allSame());
    }

    @Test
    void theReleaseScriptNeverDeletesALockItDoesNotOwn() throws Exception {
        String lock = "vx:lock:test";
        valkey.send(Commands.setIfAbsent(lock, "worker-2:token", 5_000));
        Object released = valkey.send(Commands.script(HerdRace.RELEASE, "releaseLock", List.of(lock), List.of("worker-1:token"),
                List.of(lock)));
        assertEquals(0L, released);
        assertEquals("worker-2:token", valkey.send(Commands.get(lock)), "the other worker's lock survives");
        Object own = valkey.send(Commands.script(HerdRace.RELEASE, "releaseLock", List.of(lock), List.of("worker-2:token"),
                List.of(lock)));
        assertEquals(1L, own);
        assertEquals(null, valkey.send(Commands.get(lock)));
    }
}
