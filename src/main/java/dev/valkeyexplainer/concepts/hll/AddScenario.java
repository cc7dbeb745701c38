package dev.valkeyexplainer.concepts.hll;

import dev.valkeyexplainer.concept.Snippet;
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
import java.util.function.Supplier;

/**
 * Adding one user, one idea per step: (1) hash the name and read the register as it is now, (2) the
 * low 14 bits pick the register, (3) the run of zeros gives the value, (4) PFADD, (5) read the registers
 * and PFCOUNT back in one MULTI/EXEC, decode them, and check the server's register against the one
 * computed here. A damaged key stops the add at the first read, naming the key.
 */
final class AddScenario implements StepPlayer.Scenario {

    /** What the view shows after each step; {@code after} only after the last. */
    record View(int step, String name, HllHash hash, Integer before, Boolean reply, HllSnapshot after, String headline,
                String detail, Snippet code, boolean checkPassed) {
    }

    static final int STEPS = 5;

    private final ValkeyGateway.Scope valkey;
    private final HllKeys keys;
    private final HllReader reader;
    private final Executor fx;
    private final Consumer<View> show;
    private final Supplier<String> nameSource;
    private String name;
    private HllHash hash;
    private HllState before;
    private Boolean reply;
    private int step;

    /** @param nameSource read at the first step (FX thread): the name typed in the field */
    AddScenario(ValkeyGateway.Scope valkey, HllKeys keys, HllReader reader, Executor fx, Consumer<View> show,
                Supplier<String> nameSource) {
        this.valkey = valkey;
        this.keys = keys;
        this.reader = reader;
        this.fx = fx;
        this.show = show;
        this.nameSource = nameSource;
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
                            hash.index() % RegisterGrid.SIDE, before.register(hash.index())), HllCode.index()));
            case 2 -> done(view("The run of zeros is the value",
                    String.format(Locale.ROOT, "Above the 14 index bits come %d zero bit%s and then a 1: value %d. A long"
                                    + " run is rare (like many heads in a row), so a high value hints at many users.",
                            hash.value() - 1, hash.value() == 2 ? "" : "s", hash.value()), HllCode.value()));
            case 3 -> pfadd();
            case 4 -> readBackAndCheck();
            default -> CompletableFuture.completedFuture(false);
        };
    }

    private CompletionStage<Boolean> hashAndReadBefore() {
        hash = HllHash.of(name);
        String key = keys.dau();
        return valkey.send(Commands.getBytes(key)).thenApply(raw -> {
            try {
                return raw == null ? HllReader.empty() : HllDecoder.decode(raw);
            } catch (HllDecoder.NotAHyperLogLog e) {
                throw new HllDamage(key, e.getMessage());
            }
        }).thenApplyAsync(state -> {
            before = state;
            show.accept(view("Hash the name with MurmurHash64A",
                    String.format(Locale.ROOT, "Valkey hashes \"%s\" to 64 well-mixed bits (seed 0xadc83b19). This app"
                            + " computes the same hash in Java; the server does it inside PFADD.", name),
                    HllCode.hashAndRead(key, name)));
            return true;
        }, fx);
    }

    private CompletionStage<Boolean> pfadd() {
        return valkey.send(Commands.pfadd(keys.dau(), name))
                .thenCompose(changed -> valkey.send(Commands.sadd(keys.dauNames(), name)).thenApply(x -> changed))
                .thenApplyAsync(changed -> {
                    reply = changed;
                    show.accept(view("PFADD " + keys.dau() + " " + name + " → " + (changed ? 1 : 0),
                            changed ? "1: at least one register grew." : "0: no register grew. That happens for a name added"
                                    + " before, and also for a new name whose value is not above the register's.",
                            HllCode.pfadd(keys.dau(), keys.dauNames(), name)));
                    return true;
                }, fx);
    }

    private CompletionStage<Boolean> readBackAndCheck() {
        return reader.read(valkey, keys.dau(), keys.dauNames()).thenApplyAsync(after -> {
            int was = before.register(hash.index());
            int now = after.state().register(hash.index());
            int expected = Math.max(was, hash.value());
            boolean regOk = now == expected;
            boolean unchangedOk = reply || Arrays.equals(before.registers(), after.state().registers());
            boolean ok = regOk && unchangedOk;
            String detail = String.format(Locale.ROOT, "Server register %,d: %d → %d; computed here: max(%d, %d) = %d. %s",
                    hash.index(), was, now, was, hash.value(), expected, ok ? "✓ matches." : "✗ does not match!");
            if (!reply) detail += unchangedOk ? " All 16,384 registers are unchanged." : " But registers changed!";
            View v = new View(step, name, hash, was, reply, after, "Read the registers back and check", detail,
                    HllCode.readBack(keys.dau(), keys.dauNames()), ok);
            show.accept(v);
            return false;
        }, fx);
    }

    private View view(String headline, String detail, Snippet code) {
        return new View(step, name, hash, before == null ? null : before.register(hash.index()), reply, null, headline, detail,
                code, true);
    }

    private CompletionStage<Boolean> done(View v) {
        show.accept(v);
        return CompletableFuture.completedFuture(true);
    }
}
