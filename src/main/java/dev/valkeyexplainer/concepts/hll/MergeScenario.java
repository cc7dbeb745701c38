package dev.valkeyexplainer.concepts.hll;

import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The talk's merge: game 1 has alice, bob and carol; game 2 has alice and doris. PFMERGE takes the larger
 * value of each register, so alice (in both, in the same register) counts once: 4, not 5. The three keys
 * share the hash tag {@code {games}}, so on a cluster they live in one slot, as PFMERGE requires.
 */
final class MergeScenario {

    /** The three keys after the merge, each with its registers and its PFCOUNT (read together). */
    record Result(HllSnapshot game1, HllSnapshot game2, HllSnapshot merged) {

        /** Every merged register is the larger of the two games' (checked on all 16,384). */
        boolean allMax() {
            for (int i = 0; i < merged.state().registers().length; i++) {
                if (merged.state().register(i) != Math.max(game1.state().register(i), game2.state().register(i))) return false;
            }
            return true;
        }

        String summary() {
            long c1 = game1.pfcount();
            long c2 = game2.pfcount();
            return String.format(Locale.ROOT, "PFCOUNT game 1 = %d, game 2 = %d, merged = %d: not %d, because alice is in"
                    + " both and lands in the same register.%s", c1, c2, merged.pfcount(), c1 + c2, allMax()
                    ? " Every merged register is the maximum of the two (checked on all 16,384)." : " Some register is not the maximum!");
        }
    }

    private final ValkeyGateway.Scope valkey;
    private final HllKeys keys;
    private final HllReader reader;

    MergeScenario(ValkeyGateway.Scope valkey, HllKeys keys, HllReader reader) {
        this.valkey = valkey;
        this.keys = keys;
        this.reader = reader;
    }

    CompletableFuture<Result> run() {
        return valkey.send(Commands.del(keys.game1(), keys.game2(), keys.merged()))
                .thenCompose(x -> valkey.send(Commands.pfadd(keys.game1(), "alice", "bob", "carol")))
                .thenCompose(x -> valkey.send(Commands.pfadd(keys.game2(), "alice", "doris")))
                .thenCompose(x -> valkey.send(Commands.pfmerge(keys.merged(), keys.game1(), keys.game2())))
                .thenCompose(x -> reader.read(valkey, keys.game1(), null))
                .thenCompose(g1 -> reader.read(valkey, keys.game2(), null)
                        .thenCompose(g2 -> reader.read(valkey, keys.merged(), null).thenApply(all -> new Result(g1, g2, all))));
    }
}
