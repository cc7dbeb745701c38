package dev.valkeyexplainer.concepts.ratelimit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.JournalEntry;
import dev.valkeyexplainer.valkey.TestValkey;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three scripts against a real valkey-server. Time is driven through the scripts' optional last
 * argument ("now", ms), so every allow/deny sequence is exact; the app never passes it (the scripts
 * then use the server's TIME).
 */
class LimiterScriptsIT {

    /** A multiple of 5,000 ms (and of 1,000): windows of 5 s start here. */
    static final long T = 1_700_000_000_000L;

    private static TestValkey valkey;
    private static int users;

    @BeforeAll
    static void start() throws Exception {
        valkey = new TestValkey();
    }

    @AfterAll
    static void stop() {
        valkey.close();
    }

    /** Fresh limiters for a new user. */
    private static Limiters fresh() throws Exception {
        Limiters l = new Limiters(valkey.gateway.scope("test", "test"), "it-" + (++users));
        valkey.send(Commands.del(l.fixedKey, l.bucketKey, l.logKey));
        return l;
    }

    private static Verdicts.Cast cast(Limiters l, RateSettings s, long cost, long now) throws Exception {
        Verdicts.Cast c = l.cast(now, Limiters.CastArgs.of(s, cost, "spell-" + now).at(now)).get(10, TimeUnit.SECONDS).value();
        assertEquals("", c.errors(), "no script failed");
        return c;
    }

    private static String bits(List<Verdicts.Cast> casts, Limiter l) {
        StringBuilder sb = new StringBuilder();
        for (Verdicts.Cast c : casts) sb.append(c.verdict(l).allowed() ? '1' : '0');
        return sb.toString();
    }

    @Test
    void theFixedWindowAllowsTheLimitInEachWindowAndStartsAgainAtTheBoundary() throws Exception {
        Limiters l = fresh();
        RateSettings s = RateSettings.TALK; // 3 per 5 s
        long[] at = {0, 1_000, 2_000, 3_000, 4_999, 5_000, 5_001, 7_500, 9_999, 10_000};
        List<Verdicts.Cast> casts = new ArrayList<>();
        for (long t : at) casts.add(cast(l, s, 1, T + t));
        assertEquals("1110011101", bits(casts, Limiter.FIXED));
        Verdicts.Fixed second = casts.get(1).fixed();
        assertEquals(2, second.count());
        assertEquals(4_000, second.msLeft(), "a window of 5 s fixed on the clock: 4 s left at +1 s");
        assertEquals(T, second.windowStart());
        assertEquals(3, casts.get(4).fixed().count(), "a denied spell does not count");
        assertEquals(T + 5_000, casts.get(5).fixed().windowStart());
        assertEquals(1, casts.get(5).fixed().count(), "the next window starts at zero");
        long pttl = ((Number) valkey.send(Commands.read("PTTL", l.fixedKey))).longValue();
        assertTrue(pttl > 0 && pttl <= 5_000, "the counter's TTL is at most the rest of its window: " + pttl);
    }

    @Test
    void theBoundaryDoubleBurstPassesTheFixedWindowTwiceButTheSlidingLogOnce() throws Exception {
        Limiters l = fresh();
        RateSettings s = RateSettings.TALK;
        long[] at = {4_650, 4_710, 4_770, 5_050, 5_110, 5_170};
        List<Verdicts.Cast> casts = new ArrayList<>();
        for (long t : at) casts.add(cast(l, s, 1, T + t));
        assertEquals("111111", bits(casts, Limiter.FIXED), "3 before the boundary + 3 after it");
        assertEquals("111000", bits(casts, Limiter.LOG), "any 5 s hold at most 3");
        assertEquals("111110", bits(casts, Limiter.BUCKET), "5 tokens and 0.52 s of refill at 1/s");
        assertEquals(6, RateLimitModel.peak(casts, Limiter.FIXED, s.windowMs()).count());
        assertEquals(520, RateLimitModel.peak(casts, Limiter.FIXED, s.windowMs()).toMs()
                - RateLimitModel.peak(casts, Limiter.FIXED, s.windowMs()).fromMs());
        assertEquals(3, RateLimitModel.peak(casts, Limiter.LOG, s.windowMs()).count());
    }

    @Test
    void theBucketMatchesTheJavaModelBitForBit() throws Exception {
        Random rnd = new Random(17);
        // each TTL (capacity ÷ rate) is long enough that no bucket expires for real between two spells
        double[][] params = {{5, 1}, {7, 1.3}, {20, 0.25}, {5_000, 1_000}, {1_000_000, 0.001}, {3, 0.7}, {1, 0.3}};
        for (double[] p : params) {
            Limiters l = fresh();
            RateSettings s = new RateSettings(3, 5, (long) p[0], p[1]);
            Double tokens = null;
            Long last = null;
            long now = T + rnd.nextInt(1_000);
            for (int i = 0; i < 60; i++) {
                now += rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(2_500);
                long cost = Math.min(s.capacity(), new long[]{1, 3, 5}[rnd.nextInt(3)]);
                Verdicts.Bucket b = cast(l, s, cost, now).bucket();
                TokenMath.Step m = TokenMath.spell(tokens, last, now, s.capacity(), s.refillPerSecond(), cost);
                String at = "capacity " + s.capacity() + ", rate " + s.refillPerSecond() + ", spell " + i;
                assertEquals(m.allowed(), b.allowed(), at);
                assertEquals(m.milliTokens(), b.milliTokens(), at);
                assertEquals(TokenMath.asLuaReply(m.tokens()), b.luaTokens(), at + ": a Lua number is cut to an integer");
                assertEquals(s.bucketTtlSeconds(), b.ttlSeconds(), at);
                Object[] stored = (Object[]) valkey.send(Commands.read("HMGET", l.bucketKey, "tokens", "last_update"));
                assertEquals(m.tokens(), Double.parseDouble(String.valueOf(stored[0])), 0.0, at + ": the stored tokens, exactly");
                assertEquals(m.lastUpdate(), Long.parseLong(String.valueOf(stored[1])), at);
                tokens = m.tokens();
                last = m.lastUpdate();
            }
        }
    }

    @Test
    void aFractionOfATokenComesBackOnlyTimesAThousand() throws Exception {
        Limiters l = fresh();
        RateSettings s = RateSettings.TALK; // 5 tokens, 1 per second
        cast(l, s, 3, T);                    // 5 → 2
        Verdicts.Bucket b = cast(l, s, 1, T + 750).bucket(); // 2.75 → 1.75
        assertTrue(b.allowed());
        assertEquals(1_750, b.milliTokens());
        assertEquals(1, b.luaTokens(), "1.75 returned as a plain Lua number arrives as 1");
        Verdicts.Bucket denied = cast(l, s, 5, T + 1_000).bucket(); // 2.0 < 5
        assertTrue(!denied.allowed());
        assertEquals(2_000, denied.milliTokens(), "a denied spell takes nothing; the refill is stored");
    }

    @Test
    void anIdleBucketExpiresWhenItWouldBeFullAgain() throws Exception {
        Limiters l = fresh();
        RateSettings s = new RateSettings(3, 5, 2, 2); // empty → full in 1 s
        Verdicts.Cast c = l.cast(1, Limiters.CastArgs.of(s, 2, "x")).get(10, TimeUnit.SECONDS).value(); // the server's TIME
        assertEquals(0, c.bucket().milliTokens());
        assertEquals(1, c.bucket().ttlSeconds());
        long armed = System.nanoTime();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> ((Number) valkey.send(Commands.read("EXISTS", l.bucketKey))).longValue() == 0);
        double after = (System.nanoTime() - armed) / 1e9;
        assertEquals(2.0, TokenMath.projected(0, c.bucket().nowMs(), c.bucket().nowMs() + 1_000, 2, 2), 0.0,
                "when the key goes, the bucket it held would be full anyway");
        assertTrue(after < 3, "gone after " + after + " s");
        RateSettings odd = new RateSettings(3, 5, 5, 2);
        Limiters l2 = fresh();
        assertEquals(3, l2.cast(1, Limiters.CastArgs.of(odd, 1, "y")).get(10, TimeUnit.SECONDS).value().bucket().ttlSeconds(),
                "EXPIRE takes whole seconds: ceil(5 ÷ 2) = 3");
        long ttl = ((Number) valkey.send(Commands.read("TTL", l2.bucketKey))).longValue();
        assertTrue(ttl >= 2 && ttl <= 3, "TTL " + ttl);
    }

    @Test
    void theSlidingLogNeverAdmitsMoreThanTheLimitInAnyWindowAndMatchesALogModel() throws Exception {
        Limiters l = fresh();
        RateSettings s = new RateSettings(4, 3, 5, 1);
        Random rnd = new Random(5);
        long now = T;
        Deque<Long> model = new ArrayDeque<>();
        List<Long> admitted = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            now += rnd.nextInt(5) == 0 ? rnd.nextInt(4_000) : rnd.nextInt(150);
            Verdicts.Log v = cast(l, s, 1, now).log();
            while (!model.isEmpty() && model.peekFirst() <= now - s.windowMs()) model.removeFirst();
            boolean expected = model.size() < s.limit();
            if (expected) model.addLast(now);
            assertEquals(expected, v.allowed(), "spell " + i);
            assertEquals(model.size(), v.count(), "spell " + i);
            assertEquals(model.isEmpty() ? -1 : model.peekFirst(), v.oldestMs(), "spell " + i);
            if (v.allowed()) admitted.add(now);
        }
        for (int i = 0; i < admitted.size(); i++) {
            int inWindow = 0;
            for (long t : admitted) if (t > admitted.get(i) - s.windowMs() && t <= admitted.get(i)) inWindow++;
            assertTrue(inWindow <= s.limit(), inWindow + " spells in the window ending at spell " + i);
        }
        assertTrue(admitted.size() > 30, "the test admitted enough to mean something: " + admitted.size());
    }

    @Test
    void badArgumentsAreRefusedByTheScriptsThemselves() throws Exception {
        Limiters l = fresh();
        String[][] cases = {
                {"3", "5", "0", "1", "capacity must be a whole number"},
                {"3", "5", "-2", "1", "capacity must be a whole number"},
                {"3", "5", "5", "0", "refill rate must be from 0.001"},
                {"3", "5", "5", "nan", "refill rate must be from 0.001"},
                {"3", "5", "2", "1", "cost 3 is more than the capacity 2"},
                {"0", "5", "5", "1", "limit must be a whole number"},
                {"3", "abc", "5", "1", "window must be from 0.1"},
                {"3", "5", "1e12", "1", "capacity must be a whole number"},
        };
        for (int i = 0; i < cases.length; i++) {
            String[] c = cases[i];
            Verdicts.Cast cast = l.cast(1, Limiters.CastArgs.raw(c[0], c[1], c[2], c[3], 3, "bad")).get(10, TimeUnit.SECONDS).value();
            assertTrue(cast.errors().contains(c[4]), String.join(" ", c) + " → " + cast.errors());
            assertNull(cast.verdict(c[4].startsWith("limit") || c[4].startsWith("window") ? Limiter.FIXED : Limiter.BUCKET));
            if (i == 4) {
                assertEquals(0L, valkey.send(Commands.read("EXISTS", l.bucketKey)), "a refused spell wrote no bucket");
            }
        }
        Verdicts.Cast badNow = l.cast(1, Limiters.CastArgs.of(RateSettings.TALK, 1, "n").at(0)).get(10, TimeUnit.SECONDS).value();
        assertEquals("", badNow.errors(), "time 0 is a time");
        List<String> args = new ArrayList<>(RateSettings.TALK.bucketArgs(1));
        args.add("soon");
        Throwable e = valkey.gateway.send("test", "test", l.call(Limiter.BUCKET, args)).handle((r, x) -> x).get(10, TimeUnit.SECONDS);
        assertTrue(String.valueOf(e.getMessage()).contains("now must be whole milliseconds"), String.valueOf(e));
    }

    @Test
    void scriptLoadAnswersGlidesHashAndTheNoscriptFallbackShowsInTheServersCounters() throws Exception {
        Limiters l = fresh();
        List<Limiters.Loaded> loaded = l.loadAll().get(10, TimeUnit.SECONDS).value();
        for (Limiters.Loaded x : loaded) assertTrue(x.same(), x.limiter() + ": " + x.serverSha() + " vs " + x.glideSha());
        assertEquals(List.of(true, true, true), List.of(l.exists().get(10, TimeUnit.SECONDS)));
        l.flush().get(10, TimeUnit.SECONDS); // this test's own server
        assertEquals(List.of(false, false, false), List.of(l.exists().get(10, TimeUnit.SECONDS)));
        Limiters.ScriptStats before = l.stats().get(10, TimeUnit.SECONDS);
        int rows = valkey.journal.size();
        valkey.send(l.call(Limiter.BUCKET, RateSettings.TALK.bucketArgs(1)));
        Limiters.ScriptStats d = l.stats().get(10, TimeUnit.SECONDS).minus(before);
        assertEquals(new Limiters.ScriptStats(2, 1, 1), d, "EVALSHA → NOSCRIPT, SCRIPT LOAD, EVALSHA");
        assertEquals(List.of(false, true, false), List.of(l.exists().get(10, TimeUnit.SECONDS)));
        List<JournalEntry> evalsha = valkey.journal.snapshot().stream().skip(rows)
                .filter(e -> e.commandText().startsWith("EVALSHA " + Limiter.BUCKET.sha())).toList();
        assertEquals(1, evalsha.size(), "the journal has one row for the whole invokeScript");
        assertTrue(evalsha.get(0).commandText().endsWith(l.bucketKey + " 5 1 1"), evalsha.get(0).commandText());
        assertEquals(new Limiters.ScriptStats(1, 0, 0), stats(l, () -> valkey.send(l.call(Limiter.BUCKET, RateSettings.TALK.bucketArgs(1)))),
                "now known: one EVALSHA");
    }

    private interface Io {
        void run() throws Exception;
    }

    private static Limiters.ScriptStats stats(Limiters l, Io io) throws Exception {
        Limiters.ScriptStats before = l.stats().get(10, TimeUnit.SECONDS);
        io.run();
        return l.stats().get(10, TimeUnit.SECONDS).minus(before);
    }

    @Test
    void aReadingOfTheKeysHasTheScriptsFigures() throws Exception {
        Limiters l = fresh();
        RateSettings s = RateSettings.TALK;
        Verdicts.Cast c = l.cast(1, Limiters.CastArgs.of(s, 3, "r1")).get(10, TimeUnit.SECONDS).value();
        LiveState live = l.read().get(10, TimeUnit.SECONDS);
        assertEquals(c.bucket().tokens(), live.bucket().tokens(), 0.0);
        assertEquals(c.bucket().nowMs(), live.bucket().lastUpdate());
        assertTrue(live.bucket().pttlMs() > 4_000 && live.bucket().pttlMs() <= 5_000, "PTTL " + live.bucket().pttlMs());
        assertEquals(1L, live.fixed().count());
        assertEquals(c.fixed().windowStart(), live.fixed().windowStart());
        assertEquals(List.of(c.log().nowMs()), live.log().times());
        assertEquals(1, live.log().size());
        assertTrue(live.serverMs() >= c.bucket().nowMs() && live.serverMs() - c.bucket().nowMs() < 5_000);
    }
}
