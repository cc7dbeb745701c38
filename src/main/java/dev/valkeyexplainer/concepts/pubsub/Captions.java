package dev.valkeyexplainer.concepts.pubsub;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The sentences under the picture and in the screenshots' captions, made from measured results only. */
final class Captions {

    private Captions() {
    }

    /** Where one message went, e.g. "SPUBLISH on primary :7003 (shard 3) → 1 cluster-bus message …". */
    static String sent(Sent s, Topology t) {
        Fanout f = s.fanout();
        String cmd = s.mode().publishCommand();
        String delivered = s.deliveredTo().isEmpty() ? "no client got it" : "delivered to " + names(s.deliveredTo());
        String reply = String.format(Locale.ROOT, "%s replied %d (subscribers on the node that ran it); %s.", cmd, s.receivers(),
                delivered);
        if (!t.cluster()) return cmd + " on the standalone server: one node, no cluster bus. " + reply;
        String entry = f.entry().isEmpty() ? "a node" : node(t, f.entry());
        long others = t.nodes().size() - 1 - f.reached().size();
        String counter = f.sharded() ? "publishshard_received" : "publish_received";
        return String.format(Locale.ROOT, "%s on %s → %d cluster-bus message%s (%s +1 on %s)%s. %s", cmd, entry, f.busMessages(),
                f.busMessages() == 1 ? "" : "s", counter, f.reached().isEmpty() ? "no node"
                        : f.reached().stream().map(a -> node(t, a)).collect(Collectors.joining(", ")),
                others > 0 ? String.format(Locale.ROOT, "; nothing reached the other %d node%s", others, others == 1 ? "" : "s") : "",
                reply);
    }

    /** {@code primary :7003 (shard 3)} */
    static String node(Topology t, String address) {
        return t.node(address).map(n -> (n.primary() ? "primary :" : "replica :") + n.port()
                + t.shardOf(address).map(s -> " (shard " + s.index() + ")").orElse("")).orElse(address);
    }

    static String names(java.util.Collection<String> players) {
        List<String> sorted = players.stream().sorted().map(ChatPane::title).toList();
        if (sorted.size() <= 1) return String.join("", sorted);
        return String.join(", ", sorted.subList(0, sorted.size() - 1)) + " and " + sorted.get(sorted.size() - 1);
    }

    /** The burst, measured both ways. */
    static String cost(FanoutCost c) {
        if (c.sharded() == null) {
            return String.format(Locale.ROOT, "%d PUBLISH on one standalone server: no cluster bus. Sharded needs a cluster.",
                    c.classic().publishes());
        }
        return String.format(Locale.ROOT, "%d PUBLISH and %d SPUBLISH on %d shards (%d nodes): %.1f vs %.1f cluster-bus messages"
                        + " per message, %s vs %s on the bus.", c.classic().publishes(), c.sharded().publishes(), c.shards(),
                c.nodes(), c.classic().busMessagesPerPublish(), c.sharded().busMessagesPerPublish(), bytes(c.classic().busBytes()),
                bytes(c.sharded().busBytes()));
    }

    static String patterns(ChatExperiments.PatternResult r) {
        String classic = "PUBLISH " + (r.classic().deliveredTo().contains(ChatRoom.GUILD_LOG) ? "reached" : "did not reach")
                + " the guild log's PSUBSCRIBE";
        String sharded = r.sharded() == null ? "" : "; SPUBLISH " + (r.sharded().deliveredTo().contains(ChatRoom.GUILD_LOG)
                ? "reached it too" : "did not (no pattern sees shard channels)");
        return classic + sharded + ". A sharded pattern, PSSUBSCRIBE, got: " + r.serverAnswer();
    }

    static String atMostOnce(ChatExperiments.AtMostOnce r) {
        return String.format(Locale.ROOT, "While Bob was away (his client closed), Alice's message was delivered to %s, not to"
                        + " Bob. He came back with a new client and got the next message (%s) but never the one he missed: %s.",
                r.missed().deliveredTo().isEmpty() ? "nobody" : names(r.missed().deliveredTo()),
                r.after().deliveredTo().contains("bob") ? "delivered" : "not delivered",
                r.bobGotMissed() ? "he did get it?!" : "Valkey kept nothing");
    }

    static String slotMove(ChatExperiments.SlotMoveResult r) {
        SlotMove.Migration m = r.migration();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Slot %,d moved from shard %d (:%s) to shard %d (:%s). ",
                m.slot(), m.from().index(), m.from().primary().port(), m.to().index(), m.to().primary().port()));
        sb.append(String.format(Locale.ROOT, "A message sent right after reached %d subscriber%s. ", r.during().receivers(),
                r.during().receivers() == 1 ? "" : "s"));
        for (SlotMove.Resubscribe s : r.resubscribed()) {
            sb.append(ChatPane.title(s.player())).append(": ");
            sb.append(s.droppedMs() >= 0 ? String.format(Locale.ROOT, "unsubscribed by the old owner (seen by +%,d ms), ", s.droppedMs())
                    : "no drop seen, ");
            sb.append(s.explicit() ? String.format(Locale.ROOT, "subscribed again by the app at +%,d ms. ", s.backMs())
                    : String.format(Locale.ROOT, "re-subscribed by Glide at +%,d ms. ", s.backMs()));
        }
        sb.append("The next message reached ").append(r.after().deliveredTo().isEmpty() ? "nobody" : names(r.after().deliveredTo()))
                .append('.');
        return sb.toString();
    }

    static String bytes(long b) {
        if (b < 1024) return b + " B";
        if (b < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", b / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", b / (1024.0 * 1024));
    }
}
