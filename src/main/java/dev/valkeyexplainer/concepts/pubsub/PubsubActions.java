package dev.valkeyexplainer.concepts.pubsub;

import dev.valkeyexplainer.valkey.JournalFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the tab's buttons (and its talk steps) do: each runs one operation of the chat and shows its
 * measured result in the picture, the caption, the chat panes and the code panel; a failure shows the
 * server's message in the panel. Starts on the FX thread; the futures complete when the result is on
 * screen.
 */
final class PubsubActions implements PubsubControlsController.Actions {

    private final PubsubConcept tab;

    PubsubActions(PubsubConcept tab) {
        this.tab = tab;
    }

    private ChatRoom room() {
        return tab.room();
    }

    /** Runs on the FX thread once the operation ended: the result, or its error shown in the panel. */
    private <T> CompletableFuture<T> show(CompletableFuture<T> op, Consumer<T> onResult) {
        return op.whenCompleteAsync((v, e) -> {
            if (e != null) tab.controls().showStatus(JournalFormat.errorMessage(e), true);
            else onResult.accept(v);
        }, room().fx());
    }

    CompletableFuture<Sent> say(String from, String text) {
        Optional<String> problem = ChatMessage.problem(text);
        if (problem.isPresent()) {
            tab.controls().showStatus(problem.get(), true);
            return CompletableFuture.failedFuture(new IllegalArgumentException(problem.get()));
        }
        tab.showCode(ChatCode.say(room().mode(), room().channel()));
        return show(room().say(from, text), s -> {
            tab.controls().clearMessage();
            tab.controls().showStatus("", false);
        });
    }

    CompletableFuture<Void> useMode(ChatMode m) {
        tab.showCode(ChatCode.join(m, room().channel()));
        return show(room().switchMode(m), x -> tab.controls().showStatus("Everyone now listens with " + m.subscribeCommand()
                + " and speaks with " + m.publishCommand() + ".", false))
                .whenCompleteAsync((x, e) -> tab.controls().showMode(room().mode()), room().fx());
    }

    CompletableFuture<FanoutCost> measure(int n) {
        return show(tab.experiments().burst(n), c -> {
            tab.controls().showCost(c);
            tab.caption(Captions.cost(c));
            String from = room().player("alice").filter(Player::online).map(Player::name).orElse("bob");
            ClusterCanvas.Flight classic = new ClusterCanvas.Flight(from, c.classic().entry(), c.classic().reached(),
                    java.util.Map.of(), false, n);
            if (c.sharded() == null) {
                tab.view().canvas.fly(classic);
            } else {
                tab.view().canvas.fly(classic, new ClusterCanvas.Flight(from, c.sharded().entry(), c.sharded().reached(),
                        java.util.Map.of(), true, n));
            }
        });
    }

    CompletableFuture<ChatExperiments.PatternResult> tryPatterns() {
        tab.showCode(ChatCode.patterns(room().pattern()));
        return show(tab.experiments().patterns(), r -> {
            tab.caption(Captions.patterns(r));
            tab.controls().showStatus(ChatTexts.PATTERNS, false);
        });
    }

    CompletableFuture<ChatExperiments.AtMostOnce> awayAndBack() {
        tab.showCode(ChatCode.atMostOnce(room().mode(), room().channel()));
        notice("bob", "Bob leaves: his client is closed, the server forgets his subscription.");
        return show(tab.experiments().atMostOnce(), r -> {
            notice("bob", "Bob is back with a new client. Valkey kept nothing for him: \"" + r.missed().message().text()
                    + "\" never arrives.");
            tab.caption(Captions.atMostOnce(r));
            tab.controls().showStatus(ChatTexts.AT_MOST_ONCE, false);
        });
    }

    CompletableFuture<ChatExperiments.SlotMoveResult> slotMove() {
        tab.showCode(ChatCode.slotMove());
        tab.controls().showStatus("Moving the channel's slot; watching Glide re-subscribe (its reconciliation runs every 3 s)…",
                false);
        return show(tab.experiments().moveSlot(), r -> {
            tab.caption(Captions.slotMove(r));
            tab.controls().showStatus("Done: see the caption under the picture for what happened, with the times.", false);
        });
    }

    private void notice(String player, String text) {
        ChatPane pane = tab.view().pane(player);
        if (pane != null) pane.notice(text);
    }

    // ------------------------------------------------------------------ the panel's buttons

    @Override
    public void send(String from, String text) {
        if (from == null) return;
        say(from, text);
    }

    @Override
    public void mode(ChatMode m) {
        useMode(m);
    }

    @Override
    public void addPlayer() {
        show(room().addPlayer(), p -> tab.controls().showStatus(ChatPane.title(p.name())
                + " joined with a Glide client of their own.", false));
    }

    @Override
    public void toggleAway(String player) {
        tab.showCode(ChatCode.atMostOnce(room().mode(), room().channel()));
        if (room().isAway(player)) {
            show(room().rejoin(player), x -> notice(player, ChatPane.title(player) + " is back with a new client: only what is"
                    + " published from now on reaches it."));
        } else {
            notice(player, ChatPane.title(player) + " leaves: the client is closed, the server forgets the subscription.");
            show(room().leave(player), x -> tab.controls().showStatus(ChatTexts.AT_MOST_ONCE, false));
        }
    }

    @Override
    public void burst(String countText) {
        int n;
        try {
            n = Integer.parseInt(countText.replace(",", "").replace("_", "").strip());
        } catch (NumberFormatException e) {
            tab.controls().showStatus("N must be a whole number from 1 to " + ChatExperiments.MAX_BURST + ".", true);
            return;
        }
        if (n < 1 || n > ChatExperiments.MAX_BURST) {
            tab.controls().showStatus(String.format(Locale.ROOT, "N must be from 1 to %,d.", ChatExperiments.MAX_BURST), true);
            return;
        }
        tab.controls().showStatus(String.format(Locale.ROOT, "Publishing %d messages each way and reading every node…", n), false);
        measure(n);
    }

    @Override
    public void patterns() {
        tryPatterns();
    }

    @Override
    public void moveSlot() {
        slotMove();
    }

    @Override
    public void ownCluster() {
        show(room().useOwnCluster(), x -> tab.controls().showStatus("The chat now runs on the app's own local cluster.", false));
    }
}
