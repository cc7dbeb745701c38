package dev.valkeyexplainer.concepts.pubsub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Moves the channel's slot to the next shard, as an operator's resharding would, on the app's own
 * cluster only: {@code CLUSTER SETSLOT <slot> IMPORTING} on the new owner, {@code MIGRATING} on the
 * old one, then {@code NODE} on both and on the other primaries (Valkey docs, "CLUSTER SETSLOT").
 * The slot holds no keys (only a channel), so nothing needs MIGRATE.
 *
 * <p>When the old owner gives the slot away it sends its shard subscribers of that slot an unsolicited
 * {@code sunsubscribe} (Valkey {@code removeChannelsInSlot}). Glide does not hand that push to the
 * application, but its own view changes: the channel leaves {@code getSubscriptions()}'s actual set,
 * and Glide's reconciliation (every 3 s by default, glide-core {@code pubsub/synchronizer.rs}) sends
 * SSUBSCRIBE again, now to the new owner. {@link #watch} measures both moments per player.
 */
final class SlotMove {

    static final long WATCH_LIMIT_MS = 10_000;
    static final long WATCH_STEP_MS = 50;

    /** The move: which slot, from which shard to which, and when the old owner let go ({@code nanoTime}). */
    record Migration(int slot, Topology.Shard from, Topology.Shard to, long releasedNanos) {
    }

    /**
     * One subscriber after the move.
     *
     * @param droppedMs when Glide first showed the subscription gone, after the release (-1: never seen gone)
     * @param backMs    when it was confirmed again (-1: not within {@link #WATCH_LIMIT_MS})
     * @param explicit  true when the app had to send SSUBSCRIBE itself because Glide had not
     */
    record Resubscribe(String player, long droppedMs, long backMs, boolean explicit) {
    }

    private final Observer observer;
    private final Executor fx;

    SlotMove(Observer observer, Executor fx) {
        this.observer = observer;
        this.fx = fx;
    }

    /** The shard after {@code from} in slot order (the first after the last). */
    static Topology.Shard nextShard(Topology t, Topology.Shard from) {
        List<Topology.Shard> s = t.shards();
        return s.get((s.indexOf(from) + 1) % s.size());
    }

    CompletableFuture<Migration> migrate(Topology t, int slot) {
        Topology.Shard from = t.owner(slot).orElseThrow(() -> new IllegalStateException("no shard owns slot " + slot));
        Topology.Shard to = nextShard(t, from);
        if (to == from) return CompletableFuture.failedFuture(new IllegalStateException("one shard: nowhere to move the slot"));
        String s = Integer.toString(slot);
        String src = from.primary().address();
        String dst = to.primary().address();
        Link link = observer.link();
        return link.send(NodeCalls.onNode(src, List.of(), "CLUSTER", "COUNTKEYSINSLOT", s)).thenCompose(keys -> {
            if (((Number) keys).longValue() > 0) {
                return CompletableFuture.failedFuture(new IllegalStateException("slot " + slot + " holds " + keys
                        + " keys; this demo moves only a slot without keys"));
            }
            return link.send(NodeCalls.onNode(dst, List.of(), "CLUSTER", "SETSLOT", s, "IMPORTING", from.primary().id()))
                    .thenCompose(x -> link.send(NodeCalls.onNode(src, List.of(), "CLUSTER", "SETSLOT", s, "MIGRATING", to.primary().id())))
                    .thenCompose(x -> link.send(NodeCalls.onNode(dst, List.of(), "CLUSTER", "SETSLOT", s, "NODE", to.primary().id())))
                    .thenCompose(x -> link.send(NodeCalls.onNode(src, List.of(), "CLUSTER", "SETSLOT", s, "NODE", to.primary().id())))
                    .thenCompose(x -> {
                        long released = System.nanoTime();
                        CompletableFuture<?> others = CompletableFuture.completedFuture(null);
                        for (Topology.Shard o : t.shards()) {
                            if (o == from || o == to) continue;
                            others = others.thenCompose(y -> link.send(NodeCalls.onNode(o.primary().address(), List.of(),
                                    "CLUSTER", "SETSLOT", s, "NODE", to.primary().id())));
                        }
                        return others.thenApply(y -> new Migration(slot, from, to, released));
                    });
        });
    }

    /**
     * Watches each player's confirmed shard subscription every {@link #WATCH_STEP_MS} ms (Glide's
     * client-side state, no server command) until each was seen gone and back, for at most
     * {@link #WATCH_LIMIT_MS}; a player still not back then is re-subscribed explicitly.
     */
    CompletableFuture<List<Resubscribe>> watch(List<Player> subscribers, String channel, long releasedNanos) {
        Map<String, long[]> seen = new LinkedHashMap<>(); // player -> {droppedMs, backMs}
        for (Player p : subscribers) seen.put(p.name(), new long[]{-1, -1});
        CompletableFuture<Void> done = new CompletableFuture<>();
        poll(subscribers, channel, releasedNanos, seen, done);
        return done.thenCompose(x -> {
            List<CompletableFuture<Resubscribe>> out = new ArrayList<>();
            for (Player p : subscribers) {
                long[] s = seen.get(p.name());
                if (s[1] >= 0) {
                    out.add(CompletableFuture.completedFuture(new Resubscribe(p.name(), s[0], s[1], false)));
                } else {
                    out.add(p.subscribe(ChatMode.SHARDED, channel).thenApply(y -> new Resubscribe(p.name(), s[0],
                            elapsedMs(releasedNanos), true)));
                }
            }
            return CompletableFuture.allOf(out.toArray(CompletableFuture[]::new))
                    .thenApply(y -> out.stream().map(CompletableFuture::join).toList());
        });
    }

    private void poll(List<Player> players, String channel, long released, Map<String, long[]> seen, CompletableFuture<Void> done) {
        List<CompletableFuture<Void>> checks = new ArrayList<>();
        for (Player p : players) {
            long[] s = seen.get(p.name());
            if (s[1] >= 0) continue;
            checks.add(p.subscribedNow(ChatMode.SHARDED, channel).thenAccept(on -> {
                long ms = elapsedMs(released);
                if (!on && s[0] < 0) s[0] = ms;
                else if (on && s[0] >= 0) s[1] = ms;
            }));
        }
        CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).whenCompleteAsync((x, e) -> {
            boolean allBack = seen.values().stream().allMatch(s -> s[1] >= 0);
            if (e != null || allBack || elapsedMs(released) > WATCH_LIMIT_MS) {
                done.complete(null);
            } else {
                CompletableFuture.delayedExecutor(WATCH_STEP_MS, TimeUnit.MILLISECONDS, fx)
                        .execute(() -> poll(players, channel, released, seen, done));
            }
        }, fx);
    }

    private static long elapsedMs(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1_000_000;
    }
}
