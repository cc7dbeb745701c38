package dev.valkeyexplainer.shell;

import dev.valkeyexplainer.concept.Concept;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Matches a typed query against the concepts' titles, ids, groups, summaries and keywords (every word
 * of the query must match somewhere, case-insensitively); best first: a title that starts with the
 * query, then a title that contains it, then the rest, each in talk order.
 */
public final class ConceptSearch {

    private ConceptSearch() {
    }

    public static List<Concept> find(List<Concept> concepts, String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) return List.copyOf(concepts);
        String[] words = q.split("\\s+");
        List<Concept> hits = new ArrayList<>();
        for (Concept c : concepts) {
            String hay = haystack(c);
            boolean all = true;
            for (String w : words) all &= hay.contains(w);
            if (all) hits.add(c);
        }
        hits.sort(Comparator.comparingInt((Concept c) -> rank(c, q)).thenComparingInt(concepts::indexOf));
        return hits;
    }

    private static int rank(Concept c, String q) {
        String title = c.title().toLowerCase(Locale.ROOT);
        if (title.startsWith(q) || c.id().equals(q)) return 0;
        if (title.contains(q)) return 1;
        return 2;
    }

    private static String haystack(Concept c) {
        return String.join(" ", c.id(), c.title(), c.group().title(), c.summary(), String.join(" ", c.keywords()))
                .toLowerCase(Locale.ROOT);
    }
}
