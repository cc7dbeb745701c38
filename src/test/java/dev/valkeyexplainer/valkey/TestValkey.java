package dev.valkeyexplainer.valkey;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

/** A sandbox server and a connected gateway for one test class. */
public final class TestValkey implements AutoCloseable {

    public final ManagedValkeyServer server;
    public final CommandJournal journal = new CommandJournal();
    public final ValkeyGateway gateway;

    public TestValkey() throws Exception {
        server = ManagedValkeyServer.start();
        gateway = new ValkeyGateway(Namespace.DEFAULT, journal);
        assertTrue(gateway.connect(server.target()).get(15, TimeUnit.SECONDS).connected());
    }

    public <T> T send(ValkeyCall<T> call) throws Exception {
        return gateway.send("test", "test", call).get(15, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        gateway.close();
        server.close();
    }
}
