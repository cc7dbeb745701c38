package dev.valkeyexplainer.concepts.pubsub;

import dev.valkeyexplainer.concept.Snippet;
import java.util.List;

/**
 * The Glide code behind each step, in Java (what the tab runs) and Python (the talk's language).
 * Each snippet names the commands it sends; a test checks both languages name them.
 *
 * @param commands the Valkey commands the step sends, e.g. {@code SSUBSCRIBE}, {@code SPUBLISH}
 */
record ChatCode(String title, Snippet snippet, List<String> commands) {

    static ChatCode join(ChatMode m, String channel) {
        String java = m == ChatMode.SHARDED ? "ssubscribe" : "subscribe";
        String clientType = m == ChatMode.SHARDED ? "GlideClusterClient" : "GlideClient / GlideClusterClient";
        return new ChatCode("join the guild chat", Snippet.of("""
                // each player has a client of its own (%s);
                // the callback runs on Glide's one worker thread: only hand over
                MessageCallback onMessage = (msg, ctx) -> inbox.offer(msg);
                GlideClusterClient alice = GlideClusterClient.createClient(
                    GlideClusterClientConfiguration.builder()
                        .address(NodeAddress.builder().host(host).port(port).build())
                        .subscriptionConfiguration(ClusterSubscriptionConfiguration
                            .builder().callback(onMessage).build())
                        .build()).get();
                // %s: waits until the server confirmed (Glide 2.3)
                alice.%s(Set.of("%s"), 2_000).get();""".formatted(clientType, m.subscribeCommand(), java, channel), """
                def on_message(msg, context):
                    inbox.put_nowait(msg)  # only hand over
                config = GlideClusterClientConfiguration(
                    [NodeAddress(host, port)],
                    pubsub_subscriptions=GlideClusterClientConfiguration.PubSubSubscriptions(
                        channels_and_patterns={}, callback=on_message, context=None))
                alice = await GlideClusterClient.create(config)
                # %s
                await alice.%s({"%s"}, timeout_ms=2000)""".formatted(m.subscribeCommand(), java, channel)),
                List.of(m.subscribeCommand()));
    }

    static ChatCode say(ChatMode m, String channel) {
        boolean sharded = m == ChatMode.SHARDED;
        return new ChatCode("say something", Snippet.of("""
                String json = mapper.writeValueAsString(Map.of(
                    "sender", "alice", "text", text, "time", Instant.now().toString()));
                // publish(json, channel%s) returns "OK" in Glide 2.3.1: customCommand
                // returns the server's count (subscribers on the node that ran it)
                long receivers = (Long) alice.customCommand(
                    new String[]{"%s", "%s", json}).get().getSingleValue();""".formatted(sharded ? ", true" : "",
                m.publishCommand(), channel), """
                payload = json.dumps({"sender": "alice", "text": text,
                                      "time": datetime.now(timezone.utc).isoformat()})
                # %s returns the server's count (subscribers on the node that ran it)
                receivers = await alice.publish(payload, "%s"%s)""".formatted(m.publishCommand(), channel,
                sharded ? ", sharded=True" : "")), List.of(m.publishCommand()));
    }

    static ChatCode observe() {
        return new ChatCode("read every node", Snippet.of("""
                // a cluster's figures live on each node: ask them all
                ClusterValue<Object> info = observer.customCommand(
                    new String[]{"CLUSTER", "INFO"}, SimpleMultiNodeRoute.ALL_NODES).get();
                // node -> "...cluster_stats_messages_publishshard_received:12..."
                Map<String, Object> perNode = info.getMultiValue();
                observer.customCommand(new String[]{"INFO", "commandstats"}, ALL_NODES);
                observer.customCommand(new String[]{"CLIENT", "LIST", "TYPE", "pubsub"}, ALL_NODES);
                observer.customCommand(new String[]{"PUBSUB", "SHARDNUMSUB", channel}, ALL_NODES);""", """
                # a cluster's figures live on each node: ask them all
                info = await observer.custom_command(["CLUSTER", "INFO"], AllNodes())
                # {node: "...cluster_stats_messages_publishshard_received:12..."}
                await observer.custom_command(["INFO", "commandstats"], AllNodes())
                await observer.custom_command(["CLIENT", "LIST", "TYPE", "pubsub"], AllNodes())
                await observer.custom_command(["PUBSUB", "SHARDNUMSUB", channel], AllNodes())"""),
                List.of("CLUSTER", "INFO", "CLIENT", "PUBSUB"));
    }

    static ChatCode patterns(String pattern) {
        return new ChatCode("patterns", Snippet.of("""
                // classic: one pattern hears every chat channel
                log.psubscribe(Set.of("%s"), 2_000).get();
                // sharded has no pattern form: the server does not know this command
                log.customCommand(new String[]{"PSSUBSCRIBE", "%s"}).get(); // error""".formatted(pattern, pattern), """
                # classic: one pattern hears every chat channel
                await log.psubscribe({"%s"}, timeout_ms=2000)
                # sharded has no pattern form: the server does not know this command
                await log.custom_command(["PSSUBSCRIBE", "%s"])  # error""".formatted(pattern, pattern)),
                List.of("PSUBSCRIBE", "PSSUBSCRIBE"));
    }

    static ChatCode atMostOnce(ChatMode m, String channel) {
        String sub = m == ChatMode.SHARDED ? "ssubscribe" : "subscribe";
        return new ChatCode("at most once", Snippet.of("""
                bob.close();            // Bob's game closes: his subscription is gone
                alice.customCommand(new String[]{"%s", "%s", json}).get();
                bob = GlideClusterClient.createClient(config).get();
                bob.%s(Set.of("%s"), 2_000).get();
                // Bob sees only what is published from now on. For history,
                // XADD to a Stream and XREAD from the last ID he saw.""".formatted(m.publishCommand(), channel, sub, channel), """
                await bob.close()  # Bob's game closes: his subscription is gone
                await alice.publish(payload, "%s"%s)  # %s
                bob = await GlideClusterClient.create(config)
                await bob.%s({"%s"}, timeout_ms=2000)
                # Bob sees only what is published from now on. For history,
                # XADD to a Stream and XREAD from the last ID he saw.""".formatted(channel,
                m == ChatMode.SHARDED ? ", sharded=True" : "", m.publishCommand(), sub, channel)), List.of(m.publishCommand(), m.subscribeCommand()));
    }

    static ChatCode slotMove() {
        return new ChatCode("move the slot", Snippet.of("""
                // on the app's own cluster only: what a resharding does to one slot
                admin.customCommand(new String[]{"CLUSTER", "SETSLOT", slot, "IMPORTING", fromId},
                    new ByAddressRoute(toHost, toPort)).get();
                admin.customCommand(new String[]{"CLUSTER", "SETSLOT", slot, "MIGRATING", toId},
                    new ByAddressRoute(fromHost, fromPort)).get();
                // then SETSLOT slot NODE toId on the new owner, the old one, the others
                // Glide's view while it re-subscribes on the new owner:
                alice.getSubscriptions().get().getActualSubscriptions();""", """
                # on the app's own cluster only: what a resharding does to one slot
                await admin.custom_command(["CLUSTER", "SETSLOT", slot, "IMPORTING", from_id],
                                           ByAddressRoute(to_host, to_port))
                await admin.custom_command(["CLUSTER", "SETSLOT", slot, "MIGRATING", to_id],
                                           ByAddressRoute(from_host, from_port))
                # then SETSLOT slot NODE to_id on the new owner, the old one, the others
                # Glide's view while it re-subscribes on the new owner:
                state = await alice.get_subscriptions()"""), List.of("SETSLOT", "IMPORTING", "MIGRATING"));
    }
}
