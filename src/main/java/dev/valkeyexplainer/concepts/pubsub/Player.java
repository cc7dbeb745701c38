package dev.valkeyexplainer.concepts.pubsub;

import static dev.valkeyexplainer.valkey.JournalFormat.javaArray;
import static dev.valkeyexplainer.valkey.JournalFormat.javaString;

import dev.valkeyexplainer.valkey.ValkeyCall;
import glide.api.BaseClient;
import glide.api.GlideClusterClient;
import glide.api.models.PubSubMessage;
import glide.api.models.configuration.BaseSubscriptionConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One chat participant: a Glide client of its own with its own subscription, as each player's game
 * client would have. Glide calls {@link #callback()} on its one shared worker thread for every
 * message: the callback only puts the message in the player's inbox and signals, never blocks (a
 * blocking callback would stall every Glide client in the JVM), and catches its own errors (Glide
 * swallows them).
 */
final class Player {

    /** Glide waits this long for the server to confirm a subscribe before the call fails. */
    static final int SUBSCRIBE_TIMEOUT_MS = 2_000;

    /**
     * A message as the player's client received it.
     *
     * @param pattern  the pattern that matched, for a PSUBSCRIBE delivery, else null
     * @param nanos    {@link System#nanoTime()} when the callback ran
     */
    record Delivery(String player, String channel, String payload, String pattern, long nanos) {
    }

    private final String name;
    private final Runnable signal;
    private final Queue<Delivery> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicLong callbackErrors = new AtomicLong();
    private volatile Link link;
    private volatile ChatMode mode;

    /** @param signal told (on Glide's thread) that the inbox has something; must return at once */
    Player(String name, Runnable signal) {
        this.name = name;
        this.signal = signal;
    }

    String name() {
        return name;
    }

    /** The journal's connection name and, with {@code vx-} in front, the client name on the server. */
    String connection() {
        return "chat-" + name;
    }

    /** The callback for the subscription configuration of this player's client. */
    BaseSubscriptionConfiguration.MessageCallback callback() {
        return (PubSubMessage m, Object context) -> {
            try {
                inbox.offer(new Delivery(name, m.getChannel().toString(), m.getMessage().toString(),
                        m.getPattern().map(Object::toString).orElse(null), System.nanoTime()));
                signal.run();
            } catch (RuntimeException e) {
                callbackErrors.incrementAndGet(); // never throw into Glide's worker
            }
        };
    }

    /** Takes everything delivered so far. */
    List<Delivery> drain() {
        List<Delivery> out = new ArrayList<>();
        for (Delivery d; (d = inbox.poll()) != null; ) out.add(d);
        return out;
    }

    long callbackErrors() {
        return callbackErrors.get();
    }

    boolean online() {
        return link != null;
    }

    Link link() {
        return link;
    }

    void attach(Link l) {
        link = l;
    }

    /** Forgets the client (the caller closes it, off the FX thread) and the subscription that went with it. */
    Link detach() {
        Link l = link;
        link = null;
        mode = null;
        return l;
    }

    /** What the player listens with now, or null. */
    ChatMode mode() {
        return mode;
    }

    /**
     * SSUBSCRIBE, SUBSCRIBE or PSUBSCRIBE on this player's client (Glide 2.3's dynamic subscriptions:
     * the call returns once the server confirmed, and Glide keeps re-applying it after reconnects).
     */
    CompletableFuture<Void> subscribe(ChatMode m, String channelOrPattern) {
        Link l = link;
        if (l == null) return CompletableFuture.failedFuture(new IllegalStateException(name + " is offline"));
        if (m.sharded() && !l.cluster()) {
            return CompletableFuture.failedFuture(new IllegalStateException("SSUBSCRIBE needs a cluster client"));
        }
        String method = switch (m) {
            case SHARDED -> "ssubscribe";
            case CLASSIC -> "subscribe";
            case PATTERN -> "psubscribe";
        };
        Set<String> set = Set.of(channelOrPattern);
        ValkeyCall<Void> call = new ValkeyCall<>(List.of(m.subscribeCommand(), channelOrPattern), List.of(),
                name + "." + method + "(Set.of(" + javaString(channelOrPattern) + "), " + SUBSCRIBE_TIMEOUT_MS + ")",
                h -> switch (m) {
                    case SHARDED -> ((GlideClusterClient) h.glide()).ssubscribe(set, SUBSCRIBE_TIMEOUT_MS);
                    case CLASSIC -> h.glide().subscribe(set, SUBSCRIBE_TIMEOUT_MS);
                    case PATTERN -> h.glide().psubscribe(set, SUBSCRIBE_TIMEOUT_MS);
                });
        return l.send(call).thenRun(() -> mode = m);
    }

    /** SUNSUBSCRIBE, UNSUBSCRIBE or PUNSUBSCRIBE. */
    CompletableFuture<Void> unsubscribe(ChatMode m, String channelOrPattern) {
        Link l = link;
        if (l == null) return CompletableFuture.completedFuture(null);
        Set<String> set = Set.of(channelOrPattern);
        String method = switch (m) {
            case SHARDED -> "sunsubscribe";
            case CLASSIC -> "unsubscribe";
            case PATTERN -> "punsubscribe";
        };
        ValkeyCall<Void> call = new ValkeyCall<>(List.of(m.unsubscribeCommand(), channelOrPattern), List.of(),
                name + "." + method + "(Set.of(" + javaString(channelOrPattern) + "), " + SUBSCRIBE_TIMEOUT_MS + ")",
                h -> {
                    BaseClient g = h.glide();
                    return switch (m) {
                        case SHARDED -> ((GlideClusterClient) g).sunsubscribe(set, SUBSCRIBE_TIMEOUT_MS);
                        case CLASSIC -> g.unsubscribe(set, SUBSCRIBE_TIMEOUT_MS);
                        case PATTERN -> g.punsubscribe(set, SUBSCRIBE_TIMEOUT_MS);
                    };
                });
        return l.send(call).thenRun(() -> {
            if (mode == m) mode = null;
        });
    }

    /**
     * SPUBLISH or PUBLISH of {@code payload}; completes with the server's reply: the subscribers on the
     * node that executed it. Sent with {@code customCommand} because Glide 2.3.1's typed
     * {@code publish(message, channel, sharded)} returns "OK" and drops that number.
     */
    CompletableFuture<Long> publish(ChatMode m, String channel, String payload) {
        Link l = link;
        if (l == null) return CompletableFuture.failedFuture(new IllegalStateException(name + " is offline"));
        String[] args = {m.publishCommand(), channel, payload};
        ValkeyCall<Long> call = new ValkeyCall<>(List.of(args), List.of(), name + ".customCommand(" + javaArray(List.of(args)) + ")",
                h -> h.custom(args).thenApply(v -> ((Number) v).longValue()));
        return l.send(call);
    }

    /**
     * Glide's own view, read in the client (not a server command, so not journaled): whether the server
     * has confirmed this subscription now. It drops when the server sends an unsolicited unsubscribe
     * (a slot moved away) and comes back when Glide's reconciliation re-subscribes.
     */
    CompletableFuture<Boolean> subscribedNow(ChatMode m, String channel) {
        Link l = link;
        if (l == null || l.handle() == null) return CompletableFuture.completedFuture(false);
        String kind = m == ChatMode.CLASSIC ? "EXACT" : m.name();
        if (l.handle().glide() instanceof GlideClusterClient c) {
            return c.getSubscriptions().thenApply(s -> actual(s.getActualSubscriptions(), kind, channel));
        }
        return ((glide.api.GlideClient) l.handle().glide()).getSubscriptions()
                .thenApply(s -> actual(s.getActualSubscriptions(), kind, channel));
    }

    private static boolean actual(java.util.Map<?, java.util.Set<String>> actual, String mode, String channel) {
        for (var e : actual.entrySet()) {
            if (e.getKey().toString().equals(mode) && e.getValue().contains(channel)) return true;
        }
        return false;
    }
}
