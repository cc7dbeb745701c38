package dev.valkeyexplainer.concepts.csc;

import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.TestValkey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** A caching client against a test server, with the events it sent, for the integration tests. */
final class CscHarness implements AutoCloseable {

    final TestValkey valkey;
    final CscKeys keys;
    final CachingClient client;
    final List<CscEvent> events = new CopyOnWriteArrayList<>();
    private final ExecutorService blocking = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-blocking");
        t.setDaemon(true);
        return t;
    });

    CscHarness(TestValkey valkey, boolean raceFix) throws Exception {
        this.valkey = valkey;
        this.keys = CscKeys.of(valkey.gateway.namespace());
        this.client = new CachingClient(valkey.gateway, "csc", blocking, keys, events::add, 1_000, null, raceFix);
        client.start().get(20, TimeUnit.SECONDS);
    }

    /** The server's value, read by the gateway's shared client (not through the cache). */
    String server(String key) throws Exception {
        return valkey.send(Commands.get(key));
    }

    CachingClient.ReadResult read(String key) throws Exception {
        return client.read(key).get(10, TimeUnit.SECONDS);
    }

    /** The keys of every invalidation message received so far (null entries: a flush). */
    List<List<String>> messages() {
        return events.stream().filter(e -> e instanceof CscEvent.Invalidated).map(e -> ((CscEvent.Invalidated) e).keys()).toList();
    }

    /**
     * Waits until every invalidation caused by writes made before this call has been received and applied:
     * reads a barrier key (so it is tracked), has the other client write it, and waits for its message.
     * Messages reach connection 0 in the order the server produced them, so the barrier's is the last.
     */
    void barrier() throws Exception {
        String b = keys.prefix() + "barrier";
        read(b);
        int before = messages().size();
        client.writeElsewhere(b, Long.toString(System.nanoTime())).get(10, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> messages().stream().skip(before)
                .anyMatch(k -> k == null || k.contains(b)));
    }

    @Override
    public void close() {
        client.close();
        blocking.shutdownNow();
    }
}
