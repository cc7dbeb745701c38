package dev.valkeyexplainer.concept;

import dev.valkeyexplainer.concepts.cache.CacheConcept;
import dev.valkeyexplainer.concepts.herd.HerdConcept;
import dev.valkeyexplainer.concepts.hll.HllConcept;
import dev.valkeyexplainer.concepts.server.ServerConcept;
import java.util.List;
import java.util.Optional;

/** The tabs, in the order they appear (Ctrl+1 is the first). Explicit on purpose: no classpath scanning. */
public final class ConceptRegistry {

    private final List<Concept> concepts;

    public ConceptRegistry(List<Concept> concepts) {
        this.concepts = List.copyOf(concepts);
    }

    public static ConceptRegistry standard() {
        return new ConceptRegistry(List.of(
                new ServerConcept(),
                new CacheConcept(),
                new HerdConcept(),
                new HllConcept()));
    }

    public List<Concept> all() {
        return concepts;
    }

    public Optional<Concept> byId(String id) {
        return concepts.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
