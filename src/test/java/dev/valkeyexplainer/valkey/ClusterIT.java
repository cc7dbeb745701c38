package dev.valkeyexplainer.valkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.testutil.LocalCluster;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The gateway against a real 3-primary cluster: mode detection, and a reset that covers every shard. */
class ClusterIT {

    @Test
    void resetOnAClusterRemovesThePrefixOnEveryPrimaryAndNothingElse() throws Exception {
        try (LocalCluster cluster = new LocalCluster();
             ValkeyGateway app = new ValkeyGateway(Namespace.DEFAULT, new CommandJournal());
             ValkeyGateway other = new ValkeyGateway(new Namespace("other:"), new CommandJournal())) {
            ConnectionStatus s = app.connect(cluster.target()).get(30, TimeUnit.SECONDS);
            assertTrue(s.connected(), s.message());
            assertEquals("cluster", s.mode());
            assertTrue(other.connect(cluster.target()).get(30, TimeUnit.SECONDS).connected());
            for (int i = 0; i < 300; i++) app.send("t", "t", Commands.set("vx:c:" + i, "x")).get(5, TimeUnit.SECONDS);
            for (int i = 0; i < 100; i++) other.send("t", "t", Commands.set("other:" + i, "y")).get(5, TimeUnit.SECONDS);

            assertEquals(300L, app.countNamespaceKeysNow("t", "t").get(30, TimeUnit.SECONDS), "keys on all shards");
            assertEquals(300L, app.resetNamespace("t").get(30, TimeUnit.SECONDS));
            assertEquals(0L, app.countNamespaceKeysNow("t", "t").get(30, TimeUnit.SECONDS));
            assertEquals(100L, other.countNamespaceKeysNow("t", "t").get(30, TimeUnit.SECONDS), "foreign keys survive");
            assertEquals("y", other.send("t", "t", Commands.get("other:42")).get(5, TimeUnit.SECONDS));
        }
    }
}
