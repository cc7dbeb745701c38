package dev.valkeyexplainer.app;

import dev.valkeyexplainer.concept.Concept;
import dev.valkeyexplainer.concepts.bloom.BloomConcept;
import dev.valkeyexplainer.concepts.cache.CacheConcept;
import dev.valkeyexplainer.concepts.csc.CscConcept;
import dev.valkeyexplainer.concepts.geo.GeoConcept;
import dev.valkeyexplainer.concepts.herd.HerdConcept;
import dev.valkeyexplainer.concepts.hll.HllConcept;
import dev.valkeyexplainer.concepts.pubsub.PubsubConcept;
import dev.valkeyexplainer.concepts.ratelimit.RateLimitConcept;
import dev.valkeyexplainer.concepts.semantic.SemanticConcept;
import dev.valkeyexplainer.concepts.sessions.SessionsConcept;
import dev.valkeyexplainer.concepts.server.ServerConcept;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The app's concepts, in the talk's order. Explicit on purpose (no classpath scanning): adding a
 * concept is one line here. Each call of {@link #standard()} makes fresh instances.
 */
public final class ConceptRegistry {

    /** One line per concept, in the order of the talk. */
    private static final List<Supplier<Concept>> CATALOG = List.of(
            ServerConcept::new,
            CacheConcept::new,
            HerdConcept::new,
            CscConcept::new,
            SessionsConcept::new,
            SemanticConcept::new,
            PubsubConcept::new,
            HllConcept::new,
            BloomConcept::new,
            GeoConcept::new,
            RateLimitConcept::new);

    private final List<Concept> concepts;

    public ConceptRegistry(List<Concept> concepts) {
        this.concepts = List.copyOf(concepts);
    }

    public static ConceptRegistry standard() {
        return new ConceptRegistry(CATALOG.stream().map(Supplier::get).toList());
    }

    public List<Concept> all() {
        return concepts;
    }

    public Optional<Concept> byId(String id) {
        return concepts.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public List<String> ids() {
        return concepts.stream().map(Concept::id).toList();
    }
}
