package dev.valkeyexplainer.concepts.hll;

import dev.valkeyexplainer.concept.StepPlayer;
import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import dev.valkeyexplainer.valkey.hll.HllDecoder;
import dev.valkeyexplainer.valkey.hll.HllHash;
import dev.valkeyexplainer.valkey.hll.HllState;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Adding one user, one idea per step: (1) hash the name and read the register as it is now, (2) the
 * low 14 bits pick the register, (3) the run of zeros gives the value, (4) PFADD, (5) read the raw
 * value back, decode it, and check the server's register against the one computed here.
 */
final class AddScenario implements StepPlayer.Scenario {

    /** What the view shows after each step. */
    record View(int step, String name, HllHash hash, Integer before, Boolean reply, HllState after, Long pfcount,
                Long exact, String headline, String detail, String code, boolean checkPassed) {
    }

    static final int STEPS = 5;

    private final ValkeyGateway.Scope valkey;
    private final HllKeys keys;
    private final Executor fx;
    private final Consumer<View> show;
    private final java.util.function.Supplier<String> nameSource;
    private String name;
    private HllHash hash;
    private HllState before;
    private Boolean reply;
    private int step;

    /** @param nameSource read at the first step (FX thread): the name typed in the field */
    AddScenario(ValkeyGateway.Scope valkey, HllKeys keys, Executor fx, Consumer<View> show,
                java.util.function.Supplier<String> nameSource) {
        this.nameSource = nameSource;
        this.valkey = valkey;
        this.keys = keys;
        this.fx = fx;
        this.show = show;
    }

    /** Checks a typed name; empty when it is fine, else the message to show. */
    static Optional<String> problem(String typed) {
        String n = typed == null ? "" : typed.strip();
        if (n.isEmpty()) return Optional.of("Type a user name first.");
        if (n.length() > 200) return Optional.of("Keep the name under 200 characters.");
        return Optional.empty();
    }

    @Override
    public void reset() {
        step = 0;
        hash = null;
        before = null;
        reply = null;
    }

    @Override
    public CompletionStage<Boolean> step() {
        if (step == 0) {
            String typed = nameSource.get();
            Optional<String> problem = problem(typed);
            if (problem.isPresent()) return CompletableFuture.failedFuture(new IllegalArgumentException(problem.get()));
            name = typed.strip();
        }
        return switch (step++) {
            case 0 -> hashAndReadBefore();
            case 1 -> done(view("The low 14 bits pick the register",
                    String.format(Locale.ROOT, "hash & 0x3FFF = %,d: one of 16,384 registers (row %d, column %d of the grid)."
                                    + " It holds %d now.", hash.index(), hash.index() / RegisterGrid.SIDE,
                            hash.index() % RegisterGrid.SIDE, before.register(hash.index())),
                    "long index = hash & 0x3FFF;   // 14 bits: 0 … 16,383"), true);
            case 2 -> done(view("The run of zeros is the value",
                    String.format(Locale.ROOT, "Above the 14 index bits come %d zero bit%s and then a 1: value %d. A long"
                                    + " run is rare (like many heads in a row), so a high value hints at many users.",
                            hash.value() - 1, hash.value() == 2 ? "" : "s", hash.value()),
                    "long rest = (hash >>> 14) | (1L << 50);\nint value = Long.numberOfTrailingZeros(rest) + 1;"), true);
            case 3 -> pfadd();
            case 4 -> readBackAndCheck();
            default -> CompletableFuture.completedFuture(false);
        };
    }

    private CompletionStage<Boolean> hashAndReadBefore() {
        hash = HllHash.of(name);
        return readState(keys.dau()).thenApplyAsync(state -> {
            before = state;
            show.accept(view("Hash the name with MurmurHash64A",
                    String.format(Locale.ROOT, "Valkey hashes \"%s\" to 64 well-mixed bits (seed 0xadc83b19). This app"
                            + " computes the same hash in Java; the server does it inside PFADD.", name),
                    "// inside PFADD, on the server:\nlong hash = MurmurHash64A(\"" + name + "\", 0xadc83b19);"));
            return true;
        }, fx);
    }

    private CompletionStage<Boolean> pfadd() {
        return valkey.send(Commands.pfadd(keys.dau(), name))
                .thenCompose(changed -> valkey.send(Commands.sadd(keys.dauNames(), name))
                        .thenApply(x -> changed))
                .thenApplyAsync(changed -> {
                    reply = changed;
                    show.accept(view("PFADD " + keys.dau() + " " + name + " → " + (changed ? 1 : 0),
                            changed ? "1: at least one register grew." : "0: no register grew. That happens for a name added"
                                    + " before, and also for a new name whose value is not above the register's.",
                            "Boolean changed = client.pfadd(\"" + keys.dau() + "\",\n        new String[]{\"" + name + "\"}).get();\n"
                                    + "// the exact count, for comparison: a Set\nclient.sadd(\"" + keys.dauNames() + "\", new String[]{\""
                                    + name + "\"}).get();"));
                    return true;
                }, fx);
    }

    private CompletionStage<Boolean> readBackAndCheck() {
        return readState(keys.dau())
                .thenCombine(valkey.send(Commands.pfcount(keys.dau())), (state, count) -> new Object[]{state, count})
                .thenCombine(valkey.send(Commands.scard(keys.dauNames())), (sc, exact) -> new Object[]{sc[0], sc[1], exact})
                .thenApplyAsync(r -> {
                    HllState after = (HllState) r[0];
                    int was = before.register(hash.index());
                    int now = after.register(hash.index());
                    int expected = Math.max(was, hash.value());
                    boolean regOk = now == expected;
                    boolean unchangedOk = reply || Arrays.equals(before.registers(), after.registers());
                    boolean ok = regOk && unchangedOk;
                    String detail = String.format(Locale.ROOT, "Server register %,d: %d → %d; computed here: max(%d, %d) = %d. %s",
                            hash.index(), was, now, was, hash.value(), expected, ok ? "✓ matches." : "✗ does not match!");
                    if (!reply) detail += unchangedOk ? " All 16,384 registers are unchanged." : " But registers changed!";
                    View v = new View(step, name, hash, was, reply, after, (Long) r[1], (Long) r[2],
                            "Read the raw value back and check", detail,
                            "byte[] raw = client.get(gs(\"" + keys.dau() + "\")).get().getBytes();\n"
                                    + "HllState s = HllDecoder.decode(raw); // HYLL header + registers\n"
                                    + "long count = client.pfcount(new String[]{\"" + keys.dau() + "\"}).get();", ok);
                    show.accept(v);
                    return false;
                }, fx);
    }

    private CompletableFuture<HllState> readState(String key) {
        return valkey.send(Commands.getBytes(key)).thenApply(raw -> raw == null ? empty() : HllDecoder.decode(raw));
    }

    static HllState empty() {
        return new HllState(HllState.Encoding.SPARSE, 0, true, new int[HllHash.REGISTERS], 0, 0);
    }

    private View view(String headline, String detail, String code) {
        return new View(step, name, hash, before == null ? null : before.register(hash.index()), reply, null, null, null,
                headline, detail, code, true);
    }

    private CompletionStage<Boolean> done(View v, boolean more) {
        show.accept(v);
        return CompletableFuture.completedFuture(more);
    }
}
