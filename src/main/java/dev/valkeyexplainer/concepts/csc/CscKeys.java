package dev.valkeyexplainer.concepts.csc;

import dev.valkeyexplainer.valkey.Namespace;
import java.util.ArrayList;
import java.util.List;

/**
 * The tab's keys, all inside the app's namespace: twelve players under one prefix (the BCAST prefix),
 * and one key outside it (the message of the day) that BCAST mode does not track.
 *
 * @param prefix e.g. {@code vx:csc:player:}
 * @param motd   e.g. {@code vx:csc:motd}
 */
public record CscKeys(String prefix, List<String> players, String motd) {

    public static final int PLAYERS = 12;

    public static CscKeys of(Namespace ns) {
        String prefix = ns.key("csc:player:");
        List<String> players = new ArrayList<>();
        for (int i = 1; i <= PLAYERS; i++) players.add(prefix + i);
        return new CscKeys(prefix, List.copyOf(players), ns.key("csc:motd"));
    }

    /** Twelve more players (13..24) under the same prefix: the "new keys" of the default vs BCAST comparison. */
    public List<String> newcomers() {
        List<String> out = new ArrayList<>();
        for (int i = PLAYERS + 1; i <= 2 * PLAYERS; i++) out.add(prefix + i);
        return out;
    }

    public String player(int id) {
        return prefix + id;
    }

    /** Every key the tab reads, players first. */
    public List<String> all() {
        List<String> out = new ArrayList<>(players);
        out.add(motd);
        return out;
    }

    /** The starting value of a key (written with SET NX, so an existing value stays). */
    static String seed(String key, int i) {
        return key.endsWith("motd") ? "Welcome, adventurer" : "gold=" + (100 * i);
    }
}
