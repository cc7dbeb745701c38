package dev.valkeyexplainer.concepts.pubsub;

import dev.valkeyexplainer.anim.FrameClock;
import dev.valkeyexplainer.concept.Async;
import dev.valkeyexplainer.concept.CodePanel;
import dev.valkeyexplainer.concept.Concept;
import dev.valkeyexplainer.concept.ConceptContext;
import dev.valkeyexplainer.concept.ConceptGroup;
import dev.valkeyexplainer.concept.ConceptPane;
import dev.valkeyexplainer.concept.FxHandoff;
import dev.valkeyexplainer.concept.LivePoller;
import dev.valkeyexplainer.concept.ScreenshotStep;
import dev.valkeyexplainer.concept.TalkStep;
import dev.valkeyexplainer.valkey.Capability;
import dev.valkeyexplainer.valkey.ConnectionTarget;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ManagedValkeyCluster;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import javafx.scene.Node;

/**
 * In-game chat with Pub/Sub, from the talk: Alice and Bob each with a Glide client of their own, on
 * a real cluster (the app starts its own the first time the tab opens), classic vs sharded, and every
 * message's path through the cluster drawn from the nodes' counters. Lifecycle only: the chat is in
 * {@link ChatRoom}, the experiments in {@link ChatExperiments}, the picture in {@link PubsubView}.
 */
public final class PubsubConcept implements Concept {

    public static final String ID = "pubsub";
    static final long POLL_MS = 1_500;
    /** The topology is read again every this many polls (a user's cluster may change under us). */
    static final int TOPOLOGY_EVERY = 10;
    private static final String READ_ERROR = "Could not read the nodes: ";

    private ConceptContext ctx;
    private ChatRoom room;
    private ChatExperiments experiments;
    private PubsubView view;
    private PubsubControlsController controls;
    private PubsubActions actions;
    private CodePanel code;
    private LivePoller<Snapshot> poller;
    private FrameClock.FrameListener frames;
    private Consumer<ConnectionTarget> onConnect;
    private Snapshot snapshot;
    private Sent lastSent;
    private boolean active;
    private int polls;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ConceptGroup group() {
        return ConceptGroup.MESSAGING;
    }

    @Override
    public String title() {
        return "Pub/Sub chat";
    }

    @Override
    public String summary() {
        return "Guild chat on a real cluster: sharded vs classic Pub/Sub, the fan-out measured on every node";
    }

    @Override
    public Set<Capability> needs() {
        return Set.of(Capability.PUBSUB);
    }

    @Override
    public List<String> keywords() {
        return List.of("SSUBSCRIBE", "SPUBLISH", "SUBSCRIBE", "PUBLISH", "PSUBSCRIBE", "sharded pub/sub", "chat", "cluster bus",
                "fan-out", "at most once", "CLUSTER SETSLOT", "slot migration");
    }

    @Override
    public Node createView(ConceptContext context) {
        ctx = context;
        dispose(); // a second view (a new window) replaces the first
        view = new PubsubView(ctx.palette());
        code = ctx.codePanel();
        room = new ChatRoom(ctx.gateway(), ctx.fx(), ctx.blocking(),
                () -> ctx.service(ManagedValkeyCluster.class, ManagedValkeyCluster::start), ID, new RoomListener());
        experiments = new ChatExperiments(room);
        actions = new PubsubActions(this);
        controls = new PubsubControlsController(actions);
        Node form = ctx.fxml().load("concepts/pubsub/controls.fxml", controls);
        showCode(ChatCode.join(ChatMode.SHARDED, room.channel()));
        frames = view.canvas::step;
        poller = new LivePoller<>(ctx.gateway().scheduler(), POLL_MS, this::read, new FxHandoff<>(ctx.fx(), this::showSnapshot),
                e -> ctx.fx().execute(() -> controls.showStatus(READ_ERROR + JournalFormat.errorMessage(e), true)));
        onConnect = t -> ctx.fx().execute(this::connectionChanged);
        ctx.gateway().addConnectListener(onConnect);
        return ConceptPane.layout(ID, "Pub/Sub: guild chat, sharded vs classic",
                "Alice and Bob each run a Glide client with their own subscription. Every path drawn below was measured on"
                        + " the nodes (CLUSTER INFO, INFO commandstats, CLIENT LIST); every chat line reached a real callback.",
                view.scrolling(), form, """
                        Pub/Sub relays a message from a publisher to the clients subscribed at that moment; nothing is \
                        stored, so delivery is at most once. Classic PUBLISH is broadcast over the cluster bus to every \
                        node, so a subscriber can sit anywhere, and the cost grows with the cluster. A shard channel \
                        hashes to a slot like a key: SSUBSCRIBE and SPUBLISH go to the shard that owns it, and the \
                        message only travels to that shard's replicas, however many shards there are. The price: no \
                        patterns, and when the slot moves, subscribers are dropped and must subscribe again on the new \
                        owner (Glide does it for you).""", code);
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void activate() {
        if (room == null) return;
        active = true;
        ctx.clock().add(frames);
        startChat();
        poller.start();
    }

    @Override
    public void deactivate() {
        active = false;
        if (poller != null) poller.stop();
        if (frames != null && ctx != null) ctx.clock().remove(frames);
    }

    @Override
    public void dispose() {
        deactivate();
        if (onConnect != null) ctx.gateway().removeConnectListener(onConnect);
        if (room != null) room.close();
    }

    @Override
    public void onReset() {
        if (view != null) view.clearChats(); // the chat keeps no keys; the panes start afresh
    }

    /** Starts (or re-uses) the chat; the first time on the app's own cluster, this starts it (a few seconds). */
    private CompletableFuture<Void> startChat() {
        return room.ready().whenCompleteAsync((x, e) -> {
            if (e != null) controls.showStatus("The chat could not start: " + JournalFormat.errorMessage(e), true);
        }, ctx.fx());
    }

    /** The gateway connected somewhere else: the chat follows (its clients of the old server are gone). */
    private void connectionChanged() {
        room.reset();
        lastSent = null;
        if (active) startChat();
    }

    private CompletionStage<Snapshot> read() {
        return Async.onFx(ctx.fx(), () -> {
            if (++polls % TOPOLOGY_EVERY == 0 && room.backend().isPresent()) {
                return room.refreshTopology().thenCompose(t -> room.readSnapshot());
            }
            return room.readSnapshot();
        });
    }

    private void showSnapshot(Snapshot s) {
        snapshot = s;
        view.canvas.showSnapshot(s);
        if (controls.statusText() != null && controls.statusText().startsWith(READ_ERROR)) controls.showStatus("", false);
    }

    void showCode(ChatCode c) {
        code.show("Glide: " + c.title(), c.snippet());
    }

    // ------------------------------------------------------------------ results on screen

    /** Animates a measured message: publisher → node that ran it → bus → the players whose callbacks ran. */
    void fly(Sent s) {
        Map<String, String> sources = new HashMap<>();
        for (String p : s.deliveredTo()) {
            String node = snapshot == null ? s.fanout().entry() : snapshot.of(p).stream()
                    .filter(x -> s.mode() == ChatMode.SHARDED ? x.ssub() > 0 : x.sub() + x.psub() > 0)
                    .map(Subscription::node).findFirst().orElse(s.fanout().entry());
            sources.put(p, node);
        }
        view.canvas.fly(new ClusterCanvas.Flight(s.from(), s.fanout().entry(), s.fanout().reached(), sources,
                s.mode() == ChatMode.SHARDED, 1));
    }

    void caption(String text) {
        view.caption.setText(text);
    }

    /** The room's reports, on the FX thread. */
    private final class RoomListener implements ChatRoom.Listener {
        @Override
        public void status(String text, boolean error) {
            controls.showStatus(text, error);
            view.canvas.showNote(text);
        }

        @Override
        public void backendChanged(ChatBackend b) {
            boolean offer = b.kind() == ChatBackend.Kind.STANDALONE
                    && dev.valkeyexplainer.valkey.ManagedValkeyServer.findBinary().isPresent();
            controls.showBackend(b.describe(), b.sharded(), b.canMoveSlots(), offer);
            controls.showMode(room.mode());
            showCode(ChatCode.join(room.mode(), room.channel()));
            if (!b.sharded()) view.caption.setText(ChatTexts.NEEDS_CLUSTER);
        }

        @Override
        public void playersChanged(List<Player> players) {
            Set<String> away = new HashSet<>();
            for (Player p : players) if (room.isAway(p.name())) away.add(p.name());
            view.showPlayers(players, away);
            controls.showPlayers(players.stream().map(Player::name).filter(n -> !n.equals(ChatRoom.GUILD_LOG)).toList(), away);
        }

        @Override
        public void delivered(Player to, Player.Delivery d) {
            ChatPane pane = view.pane(to.name());
            if (pane != null) pane.received(d);
        }

        @Override
        public void sent(Sent s) {
            lastSent = s;
            ChatPane pane = view.pane(s.from());
            if (pane != null) pane.sent(s);
            room.topology().ifPresent(t -> view.caption.setText(Captions.sent(s, t)));
            fly(s);
        }

        @Override
        public void topology(Topology t, int slot) {
            view.canvas.showTopology(t, slot, room.channel());
        }
    }

    // ------------------------------------------------------------------ for the actions, steps and tests

    ChatRoom room() {
        return room;
    }

    ChatExperiments experiments() {
        return experiments;
    }

    PubsubView view() {
        return view;
    }

    PubsubControlsController controls() {
        return controls;
    }

    PubsubActions actions() {
        return actions;
    }

    ConceptContext context() {
        return ctx;
    }

    Sent lastSent() {
        return lastSent;
    }

    @Override
    public List<TalkStep> talkSteps() {
        return new PubsubTour(this).talkSteps();
    }

    @Override
    public List<ScreenshotStep> screenshotSteps() {
        return new PubsubTour(this).screenshotSteps();
    }
}
