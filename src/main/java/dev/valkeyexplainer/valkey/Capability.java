package dev.valkeyexplainer.valkey;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What a concept needs from the connected user's ACL, and how the app learns whether it has it: one
 * harmless command per capability, sent once after connecting to a server the app did not start
 * (the sandbox's user may run everything). A {@code NOPERM} reply to the probe, or later to a
 * command of the same kind, puts the command in the gateway's refused list
 * ({@link ConnectionStatus#denied()}); {@link #refusedBy} reads that list. ACL categories as in
 * the Valkey docs (https://valkey.io/topics/acl/): {@code @write}, {@code @scripting},
 * {@code @connection}, {@code @pubsub}.
 */
public enum Capability {

    /** Writing keys in the namespace. Probe: DEL of a key that does not exist (changes nothing). */
    WRITE("writes keys", "read-only", Set.of("DEL", "SET", Namespaced.KEYS_OUTSIDE)),
    /** Lua scripts and Functions (EVAL, FCALL). Probe: EVAL "return 1" 0. */
    SCRIPTING("runs Lua scripts", "off", Set.of("EVAL", "EVALSHA", "FCALL", "FCALL_RO", "FUNCTION LOAD", "SCRIPT LOAD")),
    /** CLIENT commands (CLIENT ID, CLIENT TRACKING). Probe: CLIENT ID. */
    CONNECTION("uses CLIENT commands", "off", Set.of("CLIENT ID", "CLIENT TRACKING")),
    /** Pub/Sub. Probe: PUBSUB NUMSUB of a channel in the namespace (publishes nothing). */
    PUBSUB("uses Pub/Sub", "off", Set.of("PUBSUB NUMSUB", "PUBLISH", "SUBSCRIBE", "SPUBLISH", "SSUBSCRIBE", "PSUBSCRIBE",
            Namespaced.CHANNELS_OUTSIDE));

    /** The denial texts {@link ValkeyGateway#denial} gives for keys and channels outside the user's patterns. */
    static final class Namespaced {
        static final String KEYS_OUTSIDE = "keys outside the user's key patterns";
        static final String CHANNELS_OUTSIDE = "channels outside the user's channel patterns";

        private Namespaced() {
        }
    }

    private final String what;
    private final String effect;
    private final Set<String> deniedBy;

    Capability(String what, String effect, Set<String> deniedBy) {
        this.what = what;
        this.effect = effect;
        this.deniedBy = deniedBy;
    }

    /** What a concept does with it, for a sentence: "writes keys". */
    public String what() {
        return what;
    }

    /** What a concept that needs it is without it: "read-only" (writes) or "off". */
    public String effect() {
        return effect;
    }

    /** The refusals in {@code denied} that are of this kind (for a sentence: "DEL, SET"). */
    public List<String> refusals(Collection<String> denied) {
        return denied.stream().filter(deniedBy::contains).toList();
    }

    /** True when {@code denied} (the gateway's refused list) holds a refusal of this kind. */
    public boolean refusedBy(Collection<String> denied) {
        for (String d : denied) if (deniedBy.contains(d)) return true;
        return false;
    }

    /** The probe's arguments, with keys and channels in the namespace {@code prefix} (ends in ':'). */
    List<String> probe(String prefix) {
        return switch (this) {
            case WRITE -> List.of("DEL", prefix + "acl-probe");
            case SCRIPTING -> List.of("EVAL", "return 1", "0");
            case CONNECTION -> List.of("CLIENT", "ID");
            case PUBSUB -> List.of("PUBSUB", "NUMSUB", prefix + "acl-probe");
        };
    }
}
