package dev.valkeyexplainer.valkey;

import glide.api.models.configuration.ClusterSubscriptionConfiguration;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.StandaloneSubscriptionConfiguration;

/**
 * How a {@link DedicatedClient} differs from the shared client.
 *
 * @param protocol          RESP3 (the default; Glide's pub/sub needs it) or RESP2
 * @param standaloneSubscriptions subscriptions made when the connection opens (standalone server), or null
 * @param clusterSubscriptions    the same for a cluster (the only place SHARDED channels exist), or null
 * @param requestTimeoutMs  how long one command may take before Glide fails it
 */
public record ClientOptions(ProtocolVersion protocol, StandaloneSubscriptionConfiguration standaloneSubscriptions,
                            ClusterSubscriptionConfiguration clusterSubscriptions, int requestTimeoutMs) {

    public static final ClientOptions DEFAULT = new ClientOptions(ProtocolVersion.RESP3, null, null, 2_000);

    public ClientOptions withSubscriptions(StandaloneSubscriptionConfiguration standalone, ClusterSubscriptionConfiguration cluster) {
        return new ClientOptions(protocol, standalone, cluster, requestTimeoutMs);
    }

    public ClientOptions withRequestTimeout(int ms) {
        return new ClientOptions(protocol, standaloneSubscriptions, clusterSubscriptions, ms);
    }
}
