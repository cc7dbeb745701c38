package dev.valkeyexplainer.concepts.semantic;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The stand-in for a foundation model, labelled so on screen: it answers from the game's data (the
 * corpus answers), picking the group whose questions share the most words with the question, and it
 * behaves like a hosted model in cost and time: a token count (about 4 characters per token, the usual
 * rule of thumb for English) and a delay of {@value #BASE_MS} ms plus {@value #PER_TOKEN_MS} ms per
 * generated token (a typical time to first token plus streaming rate). No network, no model.
 */
public final class GameMaster implements AnswerModel {

    static final long BASE_MS = 400;
    static final long PER_TOKEN_MS = 25;
    /** The instructions a real model would get with every question (counted as prompt tokens). */
    static final String SYSTEM_PROMPT = "You are the game master of an online role-playing game. Answer the player's"
            + " question in one or two sentences, using the game's rules, schedule and prices.";
    private static final Set<String> STOP = Set.of("a", "an", "the", "i", "my", "me", "do", "does", "is", "are", "to",
            "of", "for", "in", "on", "at", "can", "how", "what", "when", "where", "which", "who", "why", "it", "be",
            "there", "any", "get", "with", "you", "your", "and", "or", "s", "this", "that", "way", "much", "some");

    private final Corpus corpus;
    private final double delayScale;

    /** @param delayScale 1 for the realistic delay, 0 for none (tests) */
    public GameMaster(Corpus corpus, double delayScale) {
        this.corpus = corpus;
        this.delayScale = delayScale;
    }

    @Override
    public String label() {
        return "stand-in for a foundation model: the built-in game master (simulated delay and tokens)";
    }

    @Override
    public boolean simulated() {
        return true;
    }

    @Override
    public CompletableFuture<Answer> answer(String question) {
        String text = reply(question);
        int in = tokens(SYSTEM_PROMPT) + tokens(question);
        int out = tokens(text);
        long ms = Math.round((BASE_MS + PER_TOKEN_MS * out) * delayScale);
        return CompletableFuture.supplyAsync(() -> new Answer(text, in, out, ms),
                CompletableFuture.delayedExecutor(ms, TimeUnit.MILLISECONDS));
    }

    /** The answer text: the best-overlapping group's answer, or a polite refusal for questions off the game. */
    String reply(String question) {
        Set<String> words = words(question);
        Corpus.Group best = null;
        double bestScore = 0;
        for (Corpus.Group g : corpus.groups()) {
            Set<String> gw = new HashSet<>();
            g.questions().forEach(q -> gw.addAll(words(q)));
            long shared = words.stream().filter(gw::contains).count();
            double score = words.isEmpty() ? 0 : (double) shared / words.size();
            if (score > bestScore) {
                bestScore = score;
                best = g;
            }
        }
        if (best == null || bestScore < 0.34) {
            return "I am the game master, so I only know this world: ask me about quests, guilds, dungeons, items or"
                    + " your account.";
        }
        return best.answer();
    }

    static Set<String> words(String s) {
        Set<String> w = new HashSet<>(Arrays.asList(s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
        w.removeAll(STOP);
        w.remove("");
        return w;
    }

    /** About one token per 4 characters, at least 1. */
    static int tokens(String s) {
        return Math.max(1, (s.length() + 3) / 4);
    }

    List<Corpus.Group> groups() {
        return corpus.groups();
    }
}
