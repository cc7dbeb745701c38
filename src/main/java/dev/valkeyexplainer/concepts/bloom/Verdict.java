package dev.valkeyexplainer.concepts.bloom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The script's answer in words, with the reason: which bit was 0, or which earlier members set each bit
 * of a false positive (from the tab's own record of its adds: the filter itself keeps only bits).
 */
final class Verdict {

    private Verdict() {
    }

    /** "bit 2 (set by Charlie)", "bit 9 (set by Doris, Alice)", "bit 4 (set in bulk)", "bit 7". */
    static String bit(BloomModel model, String filterName, int filter, int position) {
        List<String> by = model.setBy(filterName, filter, position);
        String who = by.isEmpty() ? (model.bulkCount(filterName) > 0 ? " (set by one of the players added in bulk)" : "")
                : " (set by " + names(by) + ")";
        return "bit " + String.format(Locale.ROOT, "%,d", position) + who;
    }

    static String names(List<String> by) {
        if (by.size() <= 3) return String.join(", ", by);
        return String.join(", ", by.subList(0, 3)) + " and " + (by.size() - 3) + " more";
    }

    static String add(BloomModel model, String filterName, BloomScript.Added a) {
        List<String> collisions = new ArrayList<>();
        List<String> flipped = new ArrayList<>();
        for (int i = 0; i < a.positions().length; i++) {
            int p = a.positions()[i];
            if (a.before()[i] == 1) collisions.add(bit(model, filterName, a.filter(), p));
            else if (!flipped.contains("bit " + p)) flipped.add(String.format(Locale.ROOT, "bit %,d", p));
        }
        String where = model.filter.get() != null && model.filter.get().filters().size() > 1 ? " of sub-filter #" + a.filter() : "";
        if (!a.added()) {
            return "Not added: every bit" + where + " was already 1, so the filter answers \"maybe already there\" (BF.ADD"
                    + " returns 0) and nothing changes." + (model.added(filterName, a.item()) ? "" : " " + a.item()
                    + " was never added: a false positive, already at insert time.");
        }
        String s = "Added: " + String.join(", ", flipped) + where + " flipped 0 → 1.";
        if (!collisions.isEmpty()) s += " A collision: " + String.join(", ", collisions) + " was already 1, so nothing to do there.";
        return s;
    }

    static String test(BloomModel model, String filterName, BloomScript.Tested t) {
        if (!t.maybe()) {
            for (BloomScript.Probe p : t.probes()) {
                for (int i = 0; i < p.bits().length; i++) {
                    if (p.bits()[i] == 0) {
                        return String.format(Locale.ROOT, "Definitely not: bit %,d%s is 0. Had %s been added, it would be 1.",
                                p.positions()[i], t.probes().size() > 1 ? " of sub-filter #" + p.filter() : "", t.item());
                    }
                }
            }
            return "Definitely not.";
        }
        BloomScript.Probe hit = t.probes().stream().filter(BloomScript.Probe::allSet).findFirst().orElseThrow();
        if (model.added(filterName, t.item())) {
            return "Maybe there: all its bits are 1, and " + t.item() + " is indeed a member (the tab added it).";
        }
        List<String> why = new ArrayList<>();
        for (int p : distinct(hit.positions())) why.add(bit(model, filterName, hit.filter(), p));
        boolean bulkOnly = model.bulkCount(filterName) > 0;
        return "Maybe there, but " + t.item() + " was never added" + (bulkOnly ? " one by one" : "") + ": a false positive. "
                + "Its bits are 1 because of others: " + String.join("; ", why) + ".";
    }

    static int[] distinct(int[] a) {
        return java.util.Arrays.stream(a).distinct().toArray();
    }
}
