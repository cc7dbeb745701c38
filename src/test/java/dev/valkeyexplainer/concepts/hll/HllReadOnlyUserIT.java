package dev.valkeyexplainer.concepts.hll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.valkey.CommandJournal;
import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.ConnectionTarget;
import dev.valkeyexplainer.valkey.JournalEntry;
import dev.valkeyexplainer.valkey.ManagedValkeyServer;
import dev.valkeyexplainer.valkey.Namespace;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A read-only user (ACL +@read, no MULTI): the side list calls HyperLogLog "read-only", so its
 * registers must still be read. MULTI is refused once, then the reading is a pipeline.
 */
class HllReadOnlyUserIT {

    @Test
    void aUserWhoMayNotRunMultiStillSeesTheRegisters() throws Exception {
        try (ManagedValkeyServer server = ManagedValkeyServer.start(List.of("user readonly on >pw ~vx:* +@read +info -@write"))) {
            try (ValkeyGateway admin = new ValkeyGateway(new Namespace("vx:"), new CommandJournal())) {
                admin.connect(server.target()).get(20, TimeUnit.SECONDS);
                admin.send("t", "t", Commands.pfadd("vx:hll:ro", "alice", "bob", "carol")).get(5, TimeUnit.SECONDS);
            }
            ConnectionTarget ro = ConnectionTarget.parse("valkey://readonly:pw@127.0.0.1:" + server.port());
            try (ValkeyGateway g = new ValkeyGateway(new Namespace("vx:"), new CommandJournal())) {
                g.connect(ro).get(20, TimeUnit.SECONDS);
                HllReader reader = new HllReader();
                for (int i = 0; i < 2; i++) { // the first try is refused by the server, the second is not sent
                    HllSnapshot s = reader.read(g.scope("hll", "poller"), "vx:hll:ro", null).get(10, TimeUnit.SECONDS);
                    assertEquals(3L, s.pfcount(), "PFCOUNT as the server replied");
                    assertEquals(3, s.state().nonZeroRegisters(), "three registers set, decoded from GET");
                }
                assertTrue(g.status().denied().contains("MULTI"), g.status().denied().toString());
                long transactions = g.journal().snapshot().stream().filter(e -> e.kind() == JournalEntry.Kind.MULTI).count();
                assertEquals(1, transactions, "MULTI was sent once, never again");
            }
        }
    }
}
