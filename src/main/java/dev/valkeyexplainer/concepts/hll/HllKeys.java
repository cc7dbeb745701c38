package dev.valkeyexplainer.concepts.hll;

import dev.valkeyexplainer.valkey.Namespace;
import java.time.LocalDate;

/** The keys of the HyperLogLog tab, named as in the talk. */
record HllKeys(String dau, String dauNames, String game1, String game2, String merged, String experiment,
               String experimentSet) {

    static HllKeys of(Namespace ns, LocalDate day) {
        String dau = ns.key("hll:dau:" + day);
        // {games}: a hash tag, so the three keys PFMERGE touches live in one slot, as a cluster requires
        return new HllKeys(dau, dau + ":names", ns.key("hll:{games}:1"), ns.key("hll:{games}:2"), ns.key("hll:{games}:1+2"),
                ns.key("hll:exp"), ns.key("hll:exp:set"));
    }
}
