package dev.valkeyexplainer.concepts.pubsub;

import dev.valkeyexplainer.concept.Async;
import dev.valkeyexplainer.concept.ScreenshotStep;
import dev.valkeyexplainer.concept.TalkStep;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The talk's walk through the chat (talk mode, and the shared fault test) and the screenshot mode's
 * pictures. Each step presses the tab's own buttons ({@link PubsubActions}) and can run again from the
 * first one: that one brings everyone back into the chat.
 */
final class PubsubTour {

    private final PubsubConcept tab;
    private final PubsubActions actions;
    private final Executor fx;

    PubsubTour(PubsubConcept tab) {
        this.tab = tab;
        this.actions = tab.actions();
        this.fx = tab.room().fx();
    }

    private ChatRoom room() {
        return tab.room();
    }

    /** Everyone in the chat, listening with SSUBSCRIBE where there is a cluster (classic elsewhere). */
    CompletableFuture<Void> gather() {
        return room().gather().thenComposeAsync(x -> sharded()
                ? actions.useMode(ChatMode.SHARDED) : CompletableFuture.completedFuture(null), fx);
    }

    private boolean sharded() {
        return room().backend().map(ChatBackend::sharded).orElse(false);
    }

    CompletableFuture<Sent> helloAndAnswer() {
        return actions.say("alice", "Hello, shadow dragons!").thenComposeAsync(s -> actions.say("bob", "Bob here."), fx);
    }

    List<TalkStep> talkSteps() {
        return List.of(
                new TalkStep("Alice and Bob join", "Two players, two Glide clients, one guild channel: chat:{shadow-dragons}"
                        + " under the app's prefix. On a cluster they SSUBSCRIBE: point at the slot marker and the shard that"
                        + " owns it, and at the lines from Alice and Bob to that shard's primary, read from CLIENT LIST.",
                        () -> Async.onFx(fx, this::gather)),
                new TalkStep("Alice says hello, Bob answers", "Each message is JSON with the sender, the text and the time."
                        + " Watch it travel: to the primary that owns the slot, over the bus only to that shard's replica,"
                        + " then to both players. The number beside the sent line is SPUBLISH's reply.",
                        () -> Async.onFx(fx, this::helloAndAnswer)),
                new TalkStep("Classic vs sharded, measured", "Fifty messages each way on a channel nobody listens to. Classic"
                        + " PUBLISH reaches every other node over the bus; SPUBLISH only the shard's replica. The table scales"
                        + " the measurement to 10 and 100 shards: classic grows with the cluster, sharded does not.",
                        () -> Async.onFx(fx, () -> actions.measure(ChatExperiments.DEFAULT_BURST))),
                new TalkStep("Patterns are classic only", "A guild log subscribes to chat:* with PSUBSCRIBE and hears a classic"
                        + " PUBLISH. It does not hear SPUBLISH, and the sharded form of a pattern does not exist: the server"
                        + " answers unknown command.", () -> Async.onFx(fx, actions::tryPatterns)),
                new TalkStep("At most once", "Bob closes his game. Alice says something; Bob comes back and never sees it: Pub/Sub"
                        + " keeps nothing. For chat that is fine; when it is not, a Stream keeps the messages.",
                        () -> Async.onFx(fx, actions::awayAndBack)),
                new TalkStep("When the slot moves", "Beyond the talk: move the channel's slot to another shard, as a"
                        + " resharding would. The old owner drops the shard subscribers; a message sent right then reaches"
                        + " nobody; Glide subscribes again on the new owner within its 3-second reconciliation.",
                        () -> Async.onFx(fx, this::slotMoveOrExplain)));
    }

    private CompletableFuture<?> slotMoveOrExplain() {
        if (room().backend().map(ChatBackend::canMoveSlots).orElse(false)) return actions.slotMove();
        tab.controls().showStatus(ChatTexts.NO_SLOT_MOVES, false);
        return CompletableFuture.completedFuture(null);
    }

    List<ScreenshotStep> screenshotSteps() {
        return List.of(
                new ScreenshotStep("pubsub-chat", () -> Async.onFx(fx, () -> gather().thenComposeAsync(x -> helloAndAnswer(), fx)
                        .thenApply(s -> String.format(Locale.ROOT, "Pub/Sub chat (%s): Alice and Bob each %s %s with a Glide"
                                        + " client of their own; Bob says \"Bob here.\": %s", where(), s.mode().subscribeCommand(),
                                room().channel(), Captions.sent(s, room().topology().orElseThrow()))))),
                new ScreenshotStep("pubsub-fanout", () -> Async.onFx(fx, () -> actions.measure(ChatExperiments.DEFAULT_BURST)
                        .thenComposeAsync(cost -> actions.useMode(ChatMode.CLASSIC)
                                .thenComposeAsync(x -> actions.say("alice", "Classic: every node hears this"), fx)
                                .thenApply(s -> String.format(Locale.ROOT, "Pub/Sub fan-out, measured on every node: %s %s Then one"
                                                + " classic message: %s", Captions.cost(cost), projected(cost),
                                        Captions.sent(s, room().topology().orElseThrow()))), fx))),
                new ScreenshotStep("pubsub-at-most-once", () -> Async.onFx(fx, () -> gather()
                        .thenComposeAsync(x -> actions.awayAndBack(), fx)
                        .thenApply(r -> "Pub/Sub delivers at most once: " + Captions.atMostOnce(r)))),
                new ScreenshotStep("pubsub-slot-move", () -> Async.onFx(fx, () -> {
                    if (!room().backend().map(ChatBackend::canMoveSlots).orElse(false)) {
                        return CompletableFuture.completedFuture("Pub/Sub: " + ChatTexts.NO_SLOT_MOVES);
                    }
                    return actions.slotMove().thenApply(r -> "Pub/Sub, the channel's slot moves under its subscribers: "
                            + Captions.slotMove(r));
                })));
    }

    private String where() {
        return room().backend().map(b -> switch (b.kind()) {
            case OWN_CLUSTER -> "the app's own local cluster, " + room().topology().map(t -> t.shards().size() + " shards, "
                    + t.nodes().size() + " nodes").orElse("");
            case USER_CLUSTER -> "your cluster";
            case STANDALONE -> "a standalone server, classic only";
        }).orElse("?");
    }

    private static String projected(FanoutCost c) {
        if (c.sharded() == null) return "";
        FanoutCost.Row big = c.rows(100).get(c.rows(100).size() - 1);
        return String.format(Locale.ROOT, "Projected from that at %d shards (%d nodes): %.0f vs %.0f bus messages per message.",
                big.shards(), big.nodes(), big.classicMessages(), big.shardedMessages());
    }
}
