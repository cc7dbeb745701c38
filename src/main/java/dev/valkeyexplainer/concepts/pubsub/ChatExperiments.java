package dev.valkeyexplainer.concepts.pubsub;

import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.JournalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The tab's experiments beyond chatting, each one operation of the {@link ChatRoom}: the measured
 * fan-out burst, patterns, at-most-once delivery, and a slot moving under its subscribers.
 */
final class ChatExperiments {

    /** The burst size the tab offers first. */
    static final int DEFAULT_BURST = 50;
    static final int MAX_BURST = 1_000;

    /**
     * Patterns tried: a classic PUBLISH heard by {@code PSUBSCRIBE vx:chat:*}, an SPUBLISH that the
     * pattern does not hear (null on a standalone server), and the server's answer to a sharded pattern.
     */
    record PatternResult(Sent classic, Sent sharded, String serverAnswer) {
    }

    /** Bob was away while {@code missed} was sent, came back, and got {@code after} but never {@code missed}. */
    record AtMostOnce(Sent missed, Sent after, boolean bobGotMissed) {
    }

    /** The slot move: the migration, a message sent right after it, each subscriber's way back, a message after. */
    record SlotMoveResult(SlotMove.Migration migration, Sent during, List<SlotMove.Resubscribe> resubscribed, Sent after) {
    }

    private final ChatRoom room;

    ChatExperiments(ChatRoom room) {
        this.room = room;
    }

    /** N classic and (on a cluster) N sharded publishes on a channel nobody listens to, measured per node. */
    CompletableFuture<FanoutCost> burst(int n) {
        if (n < 1 || n > MAX_BURST) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("N must be from 1 to " + MAX_BURST + "."));
        }
        return room.serial(() -> room.ready().thenComposeAsync(x -> {
            Player from = room.players().stream().filter(Player::online).findFirst().orElse(null);
            if (from == null) return CompletableFuture.failedFuture(new IllegalStateException("nobody is online to publish"));
            Topology t = room.topology().orElseThrow();
            return burstOf(from, ChatMode.CLASSIC, n).thenCompose(classic -> (room.backend().orElseThrow().sharded()
                    ? burstOf(from, ChatMode.SHARDED, n) : CompletableFuture.completedFuture(classic))
                    .thenApply(sharded -> new FanoutCost(t.shards().size(), t.replicasPerShard(), classic,
                            room.backend().orElseThrow().sharded() ? sharded : null)));
        }, room.fx()));
    }

    private CompletableFuture<Fanout> burstOf(Player from, ChatMode m, int n) {
        Observer o = room.backend().orElseThrow().observer();
        String ch = room.burstChannel();
        String payload = new ChatMessage(from.name(), "burst", java.time.Instant.now()).toJson();
        return o.stats().thenCompose(before -> {
            List<CompletableFuture<Long>> all = new ArrayList<>();
            for (int i = 0; i < n; i++) all.add(from.publish(m, ch, payload));
            return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                    .thenCompose(y -> BusSettle.settled(o, before))
                    .thenApply(after -> Fanout.measure(m.sharded(), n, before, after,
                            all.stream().mapToLong(CompletableFuture::join).sum(), Fanout.busMessageBytes(ch, payload)));
        });
    }

    /** The guild log subscribes to {@code vx:chat:*}; a PUBLISH reaches it, an SPUBLISH does not; PSSUBSCRIBE is refused. */
    CompletableFuture<PatternResult> patterns() {
        return room.serial(() -> room.ready().thenComposeAsync(x -> room.guildLog().thenComposeAsync(log ->
                room.publish(speaker(), ChatMode.CLASSIC, room.channel(), "Classic PUBLISH: the guild log hears this")
                        .thenComposeAsync(classic -> (room.backend().orElseThrow().sharded()
                                ? room.publish(speaker(), ChatMode.SHARDED, room.channel(), "SPUBLISH: no pattern hears this")
                                : CompletableFuture.<Sent>completedFuture(null))
                                .thenCompose(sharded -> shardedPattern().thenApply(answer ->
                                        new PatternResult(classic, sharded, answer))), room.fx()), room.fx()), room.fx()));
    }

    /** Sends {@code PSSUBSCRIBE vx:chat:*} as a plain command and returns the server's answer. */
    private CompletableFuture<String> shardedPattern() {
        Link link = room.backend().orElseThrow().observer().link();
        return link.send(Commands.read("PSSUBSCRIBE", room.pattern()))
                .handle((v, e) -> e != null ? "(error) " + JournalFormat.errorMessage(e) : JournalFormat.reply(v));
    }

    /** Bob leaves; Alice speaks; Bob comes back; Alice speaks again. */
    CompletableFuture<AtMostOnce> atMostOnce() {
        boolean shard = room.mode() == ChatMode.SHARDED;
        return room.serial(() -> room.ready()
                .thenComposeAsync(x -> subscribers(shard), room.fx())
                // leave() redraws the players, so it runs on the FX thread (the count arrives on a client thread)
                .thenComposeAsync(before -> room.leave("bob").thenCompose(y -> untilFewer(shard, before, 60)), room.fx())
                .thenComposeAsync(y -> room.publish(speaker(), room.mode(), room.channel(), "Bob, are you there? (sent while Bob is away)"), room.fx())
                .thenComposeAsync(missed -> room.rejoin("bob")
                        .thenComposeAsync(y -> room.publish(speaker(), room.mode(), room.channel(), "Welcome back, Bob!"), room.fx())
                        .thenApply(after -> new AtMostOnce(missed, after, missed.deliveredTo().contains("bob")
                                || room.received("bob", missed.message().toJson()))), room.fx()));
    }

    /** The channel's subscriber count as the server reports it (NUMSUB / SHARDNUMSUB), or -1 when unknown. */
    private CompletableFuture<Long> subscribers(boolean shard) {
        return room.backend().map(b -> b.observer().numsub(shard).exceptionally(e -> -1L))
                .orElse(CompletableFuture.completedFuture(-1L));
    }

    /**
     * Waits (up to {@code tries} × 50 ms) until the server counts fewer subscribers than before: closing a
     * client is asynchronous, and a message published before the server dropped Bob's old connection
     * would still reach him — not the lesson.
     */
    private CompletableFuture<Void> untilFewer(boolean shard, long before, int tries) {
        if (before < 0 || tries <= 0) return CompletableFuture.completedFuture(null);
        return subscribers(shard).thenCompose(n -> n >= 0 && n < before ? CompletableFuture.<Void>completedFuture(null)
                : dev.valkeyexplainer.concept.Async.delay(50).thenCompose(x -> untilFewer(shard, before, tries - 1)));
    }

    /** Moves the channel's slot to the next shard while Alice and Bob listen with SSUBSCRIBE (own cluster only). */
    CompletableFuture<SlotMoveResult> moveSlot() {
        return room.serial(() -> room.ready().thenComposeAsync(x -> {
            ChatBackend b = room.backend().orElseThrow();
            if (!b.canMoveSlots()) return CompletableFuture.failedFuture(new IllegalStateException(ChatTexts.NO_SLOT_MOVES));
            CompletableFuture<Void> sharded = room.mode() == ChatMode.SHARDED ? CompletableFuture.completedFuture(null)
                    : room.useMode(ChatMode.SHARDED);
            SlotMove move = new SlotMove(b.observer(), room.fx());
            return sharded.thenCompose(y -> room.refreshTopology()).thenComposeAsync(t -> {
                List<Player> subscribers = room.players().stream().filter(p -> p.mode() == ChatMode.SHARDED).toList();
                return move.migrate(t, room.slot()).thenComposeAsync(m -> {
                    // watch from the moment the old owner let go, while a message is sent right away
                    CompletableFuture<List<SlotMove.Resubscribe>> watching = move.watch(subscribers, room.channel(), m.releasedNanos());
                    return room.publish(speaker(), ChatMode.SHARDED, room.channel(), "Sent right after the slot moved")
                            .thenCompose(during -> watching.thenCompose(back -> room.refreshTopology().thenComposeAsync(t2 ->
                                    room.publish(speaker(), ChatMode.SHARDED, room.channel(), "After the move: all here?")
                                            .thenApply(after -> new SlotMoveResult(m, during, back, after)), room.fx())));
                }, room.fx());
            }, room.fx());
        }, room.fx()));
    }

    /** Alice, or whoever is online first. */
    private String speaker() {
        return room.player("alice").filter(Player::online).or(() -> room.players().stream().filter(Player::online)
                .filter(p -> !p.name().equals(ChatRoom.GUILD_LOG)).findFirst()).map(Player::name).orElse("alice");
    }
}
