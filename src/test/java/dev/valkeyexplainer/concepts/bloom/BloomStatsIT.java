package dev.valkeyexplainer.concepts.bloom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.TestValkey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a Bloom filter promises, measured on a real server: no false negatives, a false-positive rate
 * that agrees with (1 − e^(−kn/m))^k within a derived 5-sigma band, sub-filters that scale as
 * valkey-bloom's do, bad input refused with nothing written, and a bulk run that stops at an OOM.
 */
class BloomStatsIT {

    private static TestValkey valkey;
    private static BloomStore store;

    @BeforeAll
    static void start() throws Exception {
        valkey = new TestValkey();
        store = new BloomStore(valkey.gateway.scope("bloom", "test"));
    }

    @AfterAll
    static void stop() {
        valkey.close();
    }

    static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(120, TimeUnit.SECONDS);
    }

    static BloomKeys keys(String name) {
        return BloomKeys.of(valkey.gateway.namespace().prefix(), name);
    }

    @Test
    void noFalseNegativesOverAHundredThousandMembers() throws Exception {
        BloomKeys k = keys("it-members");
        get(store.reserveFixed(k, 958_506, 7));
        BulkRun adds = new BulkRun(valkey.gateway.scope("bloom", "test"), k);
        BulkRun.Progress a = get(adds.add("add", 100_000, Experiment::member, null, p -> { }));
        assertEquals(100_000, a.added() + a.present());
        BulkRun.Progress t = get(new BulkRun(valkey.gateway.scope("bloom", "test"), k).test("test", 100_000, Experiment::member, p -> { }));
        assertEquals(100_000, t.positives(), "every member is 'maybe there': a Bloom filter has no false negatives");
        assertEquals(a.added(), get(store.read(k, false)).items(), "the script counted what it added");
    }

    @Test
    void theMeasuredFalsePositiveRateAgreesWithTheTheory() throws Exception {
        long[][] cases = {{1_000_000, 7, 100_000}, {100_000, 3, 20_000}, {50_000, 1, 10_000}, {2_000_000, 10, 100_000}, {8_192, 4, 2_000}};
        long probes = 100_000;
        for (long[] c : cases) {
            Experiment e = new Experiment(valkey.gateway.scope("bloom", "test"), keys("it-fp"));
            Experiment.Result r = get(e.run(c[0], (int) c[1], c[2], probes, false, p -> { }));
            double expected = probes * r.theory();
            double tol = BloomMath.tolerance(c[0], c[2], (int) c[1], probes, 5);
            assertTrue(Math.abs(r.positives() - expected) <= tol, String.format("m=%d k=%d n=%d: %d false positives, theory %.1f ± %.1f",
                    c[0], c[1], c[2], r.positives(), expected, tol));
            // the band is not so wide that it says nothing: under 40 % of the expectation whenever 100+ are expected
            if (expected >= 100) assertTrue(tol < 0.4 * expected, "a useful band: " + tol + " vs " + expected);
        }
    }

    @Test
    void subFiltersScaleAsValkeyBloomsDo() throws Exception {
        BloomKeys k = keys("it-scaling");
        long[] first = get(store.reserveScaling(k, 100, 0.01, 2, 0.5)).value();
        assertEquals(960, first[0], "valkey-bloom's size for 100 items at 1 %: 120 bytes");
        assertEquals(7, first[1]);
        BulkRun.Progress p = get(new BulkRun(valkey.gateway.scope("bloom", "test"), k).add("add", 3_000, i -> "gamer-" + i, null, x -> { }));
        BloomState.Filter f = get(store.read(k, false));
        assertEquals(p.filters(), f.filters().size());
        assertEquals(5, f.filters().size(), "100 + 200 + 400 + 800 < 3,000 ≤ … + 1,600");
        int lastK = 0;
        for (BloomState.SubFilter s : f.filters()) {
            assertEquals(BloomMath.subFilterCapacity(100, 2, s.index()), s.capacity(), "capacity × 2 each time");
            assertEquals(BloomMath.subFilterErrorRate(0.01, 0.5, s.index()), s.errorRate(), 1e-15, "error rate × 0.5 each time");
            long[] mk = BloomMath.sized(s.capacity(), s.errorRate());
            assertEquals(mk[0], s.m());
            assertEquals(mk[1], s.k());
            if (lastK > 0) assertEquals(lastK + 1, s.k(), "one more hash function per sub-filter");
            lastK = s.k();
            if (s.index() < f.filters().size() - 1) assertEquals(s.capacity(), s.n(), "a sub-filter is full before the next starts");
        }
        assertEquals(p.added(), f.items());
        BulkRun.Progress t = get(new BulkRun(valkey.gateway.scope("bloom", "test"), k).test("test", 3_000, i -> "gamer-" + i, x -> { }));
        assertEquals(3_000, t.positives(), "tests check every sub-filter: no false negatives");
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten() throws Exception {
        BloomKeys k = keys("it-bad");
        get(store.reserveFixed(k, 64, 3));
        get(store.add(k, List.of("Zed")));
        int before = valkey.journal.size();
        for (CompletableFuture<?> f : List.of(store.reserveFixed(k, 0, 2), store.reserveFixed(k, BloomInput.MAX_BITS + 1, 2),
                store.reserveFixed(k, 64, 0), store.reserveFixed(k, 64, 33), store.add(k, List.of("")),
                store.add(k, List.of("x".repeat(BloomInput.MAX_ITEM_BYTES + 1))), store.test(k, List.of()),
                store.reserveScaling(k, 0, 0.01, 2, 0.5), store.reserveScaling(k, 100, 1.5, 2, 0.5),
                store.reserveScaling(k, 100, 0.01, 0, 0.5), store.reserveScaling(k, 100, 0.01, 2, 1),
                new Experiment(valkey.gateway.scope("bloom", "test"), k).run(64, 3, BloomInput.MAX_ITEMS + 1, 10, false, p -> { }))) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> get(f));
            assertInstanceOf(IllegalArgumentException.class, e.getCause());
        }
        assertEquals(before, valkey.journal.size(), "nothing was sent");
        // the script checks again on the server: a bad shape sent directly is refused before any write
        ExecutionException e = assertThrows(ExecutionException.class, () -> get(valkey.gateway.send("bloom", "test",
                BloomScript.reserveFixed(k, 0, 2))));
        assertTrue(e.getCause().getMessage().contains("bits must be"), e.getCause().getMessage());
        BloomState.Filter f = get(store.read(k, true));
        assertEquals(64, f.filters().get(0).m(), "the filter is untouched");
        assertEquals(1, f.items());
    }

    @Test
    void aScalingFilterRefusesABatchThatCannotFitAndWritesNothing() throws Exception {
        BloomKeys k = keys("it-full");
        get(store.reserveScaling(k, 1, 0.01, 1, 0.5));
        List<String> eleven = java.util.stream.IntStream.range(0, BloomInput.MAX_FILTERS + 1).mapToObj(i -> "p" + i).toList();
        ExecutionException e = assertThrows(ExecutionException.class, () -> get(store.add(k, eleven)));
        assertTrue(e.getCause().getMessage().contains("max number of filters"), e.getCause().getMessage());
        BloomState.Filter f = get(store.read(k, false));
        assertEquals(1, f.filters().size());
        assertEquals(0, f.items());
    }

    @Test
    void aBulkRunStopsAtTheFirstErrorReplyWithTheServersMessage() throws Exception {
        BloomKeys k = keys("it-oom");
        get(store.reserveFixed(k, 1 << 20, 7));
        Map<String, String> info = dev.valkeyexplainer.valkey.InfoParser.fields(String.valueOf(valkey.send(Commands.read("INFO", "memory"))));
        long used = Long.parseLong(info.get("used_memory"));
        valkey.send(Commands.read("CONFIG", "SET", "maxmemory", Long.toString(used + 3_000_000))); // the test's own server
        try {
            ExecutionException e = assertThrows(ExecutionException.class, () -> get(new BulkRun(valkey.gateway.scope("bloom", "test"), k)
                    .add("add", 1_000_000, Experiment::member, k.set(), p -> { })));
            BulkRun.Stopped stopped = assertInstanceOf(BulkRun.Stopped.class, e.getCause());
            assertTrue(stopped.getMessage().contains("OOM"), stopped.getMessage());
            assertTrue(stopped.at.done() < 1_000_000);
            assertEquals(stopped.at.added(), get(store.read(k, false)).items(), "each script call was all or nothing");
        } finally {
            valkey.send(Commands.read("CONFIG", "SET", "maxmemory", "0"));
        }
    }
}
