package dev.valkeyexplainer.concepts.pubsub;

import java.util.ArrayList;
import java.util.List;

/**
 * Where one of the app's chat clients holds subscriptions, from {@code CLIENT LIST} on each node:
 * {@code sub=} classic channels, {@code psub=} patterns, {@code ssub=} shard channels. A cluster client
 * has a connection to every node; only the one that subscribed shows a count there.
 *
 * @param node   the node's address ({@code host:port})
 * @param player the player's name (the client name without the {@code vx-chat-} prefix)
 */
public record Subscription(String node, String player, int sub, int psub, int ssub) {

    /** Glide sends the client name to every node it connects to; ours are {@code vx-chat-<player>}. */
    public static final String CLIENT_PREFIX = "vx-chat-";

    public int total() {
        return sub + psub + ssub;
    }

    /** The app's chat clients with at least one subscription in one node's {@code CLIENT LIST} reply. */
    public static List<Subscription> parse(String node, String clientList) {
        List<Subscription> out = new ArrayList<>();
        if (clientList == null) return out;
        for (String line : clientList.split("\r?\n")) {
            String name = field(line, "name");
            if (name == null || !name.startsWith(CLIENT_PREFIX)) continue;
            Subscription s = new Subscription(node, name.substring(CLIENT_PREFIX.length()), intField(line, "sub"),
                    intField(line, "psub"), intField(line, "ssub"));
            if (s.total() > 0) out.add(s);
        }
        return out;
    }

    private static String field(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) return part.substring(name.length() + 1);
        }
        return null;
    }

    private static int intField(String line, String name) {
        String v = field(line, name);
        try {
            return v == null ? 0 : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
