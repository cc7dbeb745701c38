package dev.valkeyexplainer.concepts.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.testutil.LocalCluster;
import dev.valkeyexplainer.valkey.CommandJournal;
import dev.valkeyexplainer.valkey.Namespace;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The tab on a real 3-primary cluster: Bob's three keys share the hash tag {bob}, so the scripts, the
 * one MULTI/EXEC that reads all three with TIME, and the stress test's pipelined EVALSHA all work there.
 */
class RateLimitClusterIT {

    @Test
    void theLimitersTheReadingAndTheStressTestWorkOnACluster() throws Exception {
        try (LocalCluster cluster = new LocalCluster();
             ValkeyGateway gateway = new ValkeyGateway(Namespace.DEFAULT, new CommandJournal())) {
            assertTrue(gateway.connect(cluster.target()).get(30, TimeUnit.SECONDS).connected());
            ValkeyGateway.Scope scope = gateway.scope("ratelimit", "bob");
            Limiters bob = new Limiters(scope, "bob");
            for (Limiters.Loaded l : bob.loadAll().get(10, TimeUnit.SECONDS).value()) assertTrue(l.same(), l.toString());
            Verdicts.Cast c = bob.cast(1, Limiters.CastArgs.of(RateSettings.TALK, 3, "c1")).get(10, TimeUnit.SECONDS).value();
            assertEquals("", c.errors());
            assertTrue(c.fixed().allowed() && c.bucket().allowed() && c.log().allowed());
            LiveState live = bob.read().get(10, TimeUnit.SECONDS);
            assertEquals(2.0, live.bucket().tokens(), 0.0);
            assertEquals(1L, live.fixed().count());
            assertEquals(1, live.log().size());
            StressTest stress = new StressTest(gateway, scope, scope.key("ratelimit:{stress}:bucket"));
            StressTest.Result r = stress.run(new StressTest.Config(StressTest.Mode.SCRIPT, 8, 40, 2, 5, 1, 20))
                    .get(60, TimeUnit.SECONDS);
            assertEquals(320, r.allowed() + r.denied());
            assertTrue(!r.overAdmitted() && r.allowed() >= 5, r.summary());
        }
    }
}
