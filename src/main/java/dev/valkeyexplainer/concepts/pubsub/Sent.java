package dev.valkeyexplainer.concepts.pubsub;

import java.util.Set;

/**
 * One published chat message and what became of it.
 *
 * @param from        the publisher's name
 * @param mode        SHARDED (SPUBLISH) or CLASSIC (PUBLISH)
 * @param receivers   the server's reply: subscribers on the node that executed the command
 * @param expected    the players whose subscriptions should get it
 * @param deliveredTo the players whose client really got it (their callbacks ran)
 * @param fanout      the cluster-bus fan-out measured from the nodes' counters
 */
public record Sent(String from, ChatMessage message, ChatMode mode, String channel, long receivers, Set<String> expected,
                   Set<String> deliveredTo, Fanout fanout) {

    public Sent {
        expected = Set.copyOf(expected);
        deliveredTo = Set.copyOf(deliveredTo);
    }
}
