package dev.valkeyexplainer.concepts.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Input checks, the bucket's arithmetic and the burst measure, without a server. */
class RateSettingsTest {

    private static String problem(String limit, String window, String capacity, String rate) {
        RateSettings.Parsed p = RateSettings.parse(limit, window, capacity, rate);
        return p.problem();
    }

    @Test
    void theTalksSettingsParseAndGoToTheScriptsAsPlainNumbers() {
        RateSettings s = RateSettings.parse(" 3 ", "5", "5", "1").settings();
        assertEquals(RateSettings.TALK, s);
        assertEquals(List.of("3", "5"), s.fixedArgs());
        assertEquals(List.of("5", "1", "3"), s.bucketArgs(3));
        assertEquals(List.of("5", "0.5", "1"), new RateSettings(3, 2.5, 5, 0.5).bucketArgs(1));
        assertEquals(List.of("3", "2.5", "id"), new RateSettings(3, 2.5, 5, 0.5).logArgs("id"));
        assertEquals(5, s.bucketTtlSeconds());
        assertEquals(3, new RateSettings(3, 5, 5, 2).bucketTtlSeconds(), "EXPIRE takes whole seconds: ceil(2.5)");
        assertEquals(2_500, new RateSettings(3, 2.5, 5, 1).windowMs());
        assertEquals("1000000", RateSettings.plain(1e6));
    }

    @Test
    void badValuesGetAMessageThatSaysWhy() {
        assertTrue(problem("3", "5", "0", "1").contains("holds no tokens"));
        assertTrue(problem("3", "5", "-4", "1").contains("holds no tokens"));
        assertTrue(problem("3", "5", "5", "0").contains("never gives a token back"));
        assertTrue(problem("3", "5", "5", "-1").contains("negative refill rate"));
        assertTrue(problem("3", "5", "5", "0.0001").contains("out of range"));
        assertTrue(problem("3", "5", "1e12", "1").contains("1 to 1,000,000"));
        assertTrue(problem("3", "5", "2.5", "1").contains("whole number"));
        assertTrue(problem("0", "5", "5", "1").contains("lets no spell through"));
        assertTrue(problem("3", "0", "5", "1").contains("out of range"));
        assertTrue(problem("3", "1e9", "5", "1").contains("out of range"));
        assertTrue(problem("3", "", "5", "1").contains("is empty"));
        for (String junk : List.of("NaN", "Infinity", "0x10", "5d", "five", "1,5")) {
            assertTrue(problem("3", "5", junk, "1").contains("is not a number"), junk);
        }
        assertNull(problem("10000", "86400", "1000000", "0.001"));
        assertNull(problem("1", "0.1", "1", "1000000"));
    }

    @Test
    void aSpellDearerThanTheBucketCanNeverBeCast() {
        RateSettings s = new RateSettings(3, 5, 3, 1);
        assertTrue(s.costProblem(5).contains("can never be cast"));
        assertNull(s.costProblem(3));
        assertTrue(s.costProblem(0).contains("at least 1"));
    }

    @Test
    void theBucketRefillsWithTimeUpToItsCapacityAndAnswersTimesAThousand() {
        TokenMath.Step first = TokenMath.spell(null, null, 10_000, 5, 1, 3);
        assertTrue(first.allowed());
        assertEquals(2.0, first.tokens(), 0.0, "a new bucket starts full");
        TokenMath.Step second = TokenMath.spell(first.tokens(), first.lastUpdate(), 10_750, 5, 1, 5);
        assertTrue(!second.allowed());
        assertEquals(2_750, second.milliTokens());
        assertEquals(2, TokenMath.asLuaReply(second.tokens()));
        assertEquals(-2, TokenMath.asLuaReply(-2.7), "towards zero");
        TokenMath.Step full = TokenMath.spell(second.tokens(), second.lastUpdate(), 60_000, 5, 1, 1);
        assertEquals(4.0, full.tokens(), 0.0, "never more than the capacity");
        TokenMath.Step back = TokenMath.spell(full.tokens(), full.lastUpdate(), 50_000, 5, 1, 1);
        assertEquals(60_000, back.lastUpdate(), "time going back refills nothing and keeps last_update");
        assertEquals(3.0, back.tokens(), 0.0);
        assertEquals(5.5, TokenMath.bound(5, 1, 1_000, 1_500), 1e-12);
    }

    @Test
    void thePeakCountsTheMostAdmittedInAnySpanShorterThanAWindow() {
        List<Verdicts.Cast> casts = List.of(fixed(1, 100, true), fixed(2, 4_900, true), fixed(3, 4_950, true),
                fixed(4, 5_000, true), fixed(5, 5_050, true), fixed(6, 5_100, false), fixed(7, 9_950, true));
        RateLimitModel.Peak p = RateLimitModel.peak(casts, Limiter.FIXED, 5_000);
        assertEquals(new RateLimitModel.Peak(5, 100, 5_050), p, "100 … 5,050: five within 5 s; 5,000 … 9,950 is not within");
        assertEquals(new RateLimitModel.Peak(4, 4_900, 5_050), RateLimitModel.peak(casts, Limiter.FIXED, 4_000));
        assertEquals(6, RateLimitModel.admitted(casts, Limiter.FIXED));
        assertEquals(RateLimitModel.Peak.NONE, RateLimitModel.peak(List.of(), Limiter.LOG, 5_000));
    }

    @Test
    void theBoundaryBurstIsPlannedAroundTheNextBoundaryWithRoomToSpare() {
        long t = 1_700_000_000_000L; // a multiple of 5 s
        BoundaryBurst.Plan p = BoundaryBurst.plan(t + 4_000, RateSettings.TALK);
        assertEquals(t + 5_000, p.boundaryMs());
        assertEquals(List.of(t + 4_650, t + 4_710, t + 4_770, t + 5_050, t + 5_110, t + 5_170), p.atMs());
        assertEquals(t + 10_000, BoundaryBurst.plan(t + 4_500, RateSettings.TALK).boundaryMs(), "too close: the next one");
        assertEquals(100, BoundaryBurst.plan(t, new RateSettings(50, 5, 5, 1)).atMs().size());
        assertTrue(BoundaryBurst.problem(new RateSettings(51, 5, 5, 1)).contains("50 or less"));
        assertTrue(BoundaryBurst.problem(new RateSettings(3, 0.5, 5, 1)).contains("at least 1 s"));
    }

    private static Verdicts.Cast fixed(long seq, long now, boolean ok) {
        return new Verdicts.Cast(seq, 1, new Verdicts.Fixed(ok, 1, 0, 0, now), null, null, "");
    }
}
