package dev.valkeyexplainer.concepts.pubsub;

/** The Pub/Sub tab (being built). */
public final class PubsubConcept {
    public static final String ID = "pubsub";
}
