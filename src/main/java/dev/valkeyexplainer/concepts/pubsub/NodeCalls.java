package dev.valkeyexplainer.concepts.pubsub;

import static dev.valkeyexplainer.valkey.JournalFormat.javaArray;

import dev.valkeyexplainer.valkey.ValkeyCall;
import glide.api.GlideClusterClient;
import glide.api.models.ClusterValue;
import glide.api.models.configuration.RequestRoutingConfiguration.ByAddressRoute;
import glide.api.models.configuration.RequestRoutingConfiguration.SimpleMultiNodeRoute;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Commands the observer sends to every node, or to one node by address: a cluster's figures live on
 * each node separately (its own counters, its own clients), so a reading asks them all. On a
 * standalone server the one node answers.
 */
final class NodeCalls {

    private NodeCalls() {
    }

    /**
     * One command on every node; the reply maps each node's address to its answer.
     *
     * @param standaloneAddress the address to file a standalone server's answer under
     */
    static ValkeyCall<Map<String, Object>> everyNode(boolean cluster, String standaloneAddress, String... args) {
        if (!cluster) {
            return new ValkeyCall<>(List.of(args), List.of(), "client.customCommand(" + javaArray(List.of(args)) + ")",
                    h -> h.custom(args).thenApply(v -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put(standaloneAddress, v);
                        return m;
                    }));
        }
        return new ValkeyCall<>(List.of(args), List.of(), "clusterClient.customCommand(" + javaArray(List.of(args))
                + ",\n    SimpleMultiNodeRoute.ALL_NODES)",
                h -> ((GlideClusterClient) h.glide()).customCommand(args, SimpleMultiNodeRoute.ALL_NODES).thenApply(NodeCalls::perNode));
    }

    /** One command on one node of a cluster ({@code host:port}), e.g. CLUSTER SETSLOT. */
    static ValkeyCall<Object> onNode(String address, List<String> writtenKeys, String... args) {
        int colon = address.lastIndexOf(':');
        String host = address.substring(0, colon);
        int port = Integer.parseInt(address.substring(colon + 1));
        return new ValkeyCall<>(List.of(args), writtenKeys, "clusterClient.customCommand(" + javaArray(List.of(args))
                + ",\n    new ByAddressRoute(\"" + host + "\", " + port + "))",
                h -> ((GlideClusterClient) h.glide()).customCommand(args, new ByAddressRoute(host, port))
                        .thenApply(ClusterValue::getSingleValue));
    }

    private static Map<String, Object> perNode(ClusterValue<Object> v) {
        if (v.hasMultiData()) return new LinkedHashMap<>(v.getMultiValue());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("?", v.getSingleValue());
        return m;
    }

    /** The count for {@code channel} in a PUBSUB NUMSUB / SHARDNUMSUB reply (a flat array or a map). */
    static long count(Object reply, String channel) {
        if (reply instanceof Map<?, ?> m) {
            Object v = m.get(channel);
            return v instanceof Number n ? n.longValue() : 0;
        }
        if (reply instanceof Object[] arr) {
            for (int i = 0; i + 1 < arr.length; i += 2) {
                if (channel.equals(String.valueOf(arr[i])) && arr[i + 1] instanceof Number n) return n.longValue();
            }
        }
        return 0;
    }
}
