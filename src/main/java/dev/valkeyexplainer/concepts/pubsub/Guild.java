package dev.valkeyexplainer.concepts.pubsub;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * The guild's members and what reached them: the players (Alice and Bob, up to three more, and the
 * guild log), who is away, and every message their callbacks handed over. Players' callbacks run on
 * Glide's thread and only signal; the inboxes are drained here on the fx executor, where all of this
 * state lives.
 */
final class Guild {

    static final List<String> EXTRA_NAMES = List.of("carol", "dave", "erin");
    static final String GUILD_LOG = "guild-log";

    private final Executor fx;
    private final BiConsumer<Player, Player.Delivery> delivered;
    private final List<Player> players = new ArrayList<>();
    private final Set<String> away = new HashSet<>();
    private final Deliveries deliveries = new Deliveries();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    /** @param delivered told on the fx executor of each message a player's client received */
    Guild(Executor fx, BiConsumer<Player, Player.Delivery> delivered) {
        this.fx = fx;
        this.delivered = delivered;
        for (String name : List.of("alice", "bob")) add(name);
    }

    List<Player> players() {
        return List.copyOf(players);
    }

    Optional<Player> player(String name) {
        return players.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** A new member (its client is opened by the room). */
    Player add(String name) {
        Player p = new Player(name, this::signal);
        players.add(p);
        return p;
    }

    /** The next extra player's name, if the guild is not full. */
    Optional<String> nextName() {
        return EXTRA_NAMES.stream().filter(n -> player(n).isEmpty()).findFirst();
    }

    boolean isAway(String name) {
        return away.contains(name);
    }

    void setAway(String name, boolean isAway) {
        if (isAway) away.add(name);
        else away.remove(name);
    }

    void allBack() {
        away.clear();
    }

    /** How a member listens when it (re)joins: the guild log with its pattern, everyone else as the room says. */
    static ChatMode modeOf(Player p, ChatMode roomMode) {
        return p.name().equals(GUILD_LOG) ? ChatMode.PATTERN : roomMode;
    }

    /** The players whose subscription a publish in mode {@code m} reaches: same mode, or a pattern for classic. */
    Set<String> expectedFor(ChatMode m) {
        Set<String> out = new HashSet<>();
        for (Player p : players) {
            if (!p.online() || p.mode() == null) continue;
            if (p.mode() == m || (m == ChatMode.CLASSIC && p.mode() == ChatMode.PATTERN)) out.add(p.name());
        }
        return out;
    }

    /** See {@link Deliveries#expect}. */
    CompletableFuture<Set<String>> expect(String payload, Set<String> expected, long timeoutMs) {
        return deliveries.expect(payload, expected, timeoutMs);
    }

    /** Whether this player's client got this payload lately. */
    boolean received(String player, String payload) {
        return deliveries.received(player, payload);
    }

    /** Ends every wait for deliveries (the chat is being reset). */
    void release() {
        deliveries.release();
    }

    /** Glide's thread, from a player's callback: only schedules the drain. */
    private void signal() {
        if (drainScheduled.compareAndSet(false, true)) fx.execute(this::drain);
    }

    private void drain() {
        drainScheduled.set(false);
        for (Player p : players) {
            for (Player.Delivery d : p.drain()) {
                deliveries.arrived(p.name(), d.payload());
                delivered.accept(p, d);
            }
        }
    }
}
