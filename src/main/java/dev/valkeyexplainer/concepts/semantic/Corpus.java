package dev.valkeyexplainer.concepts.semantic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shipped corpus ({@code semantic/corpus.txt}): players' questions in groups of paraphrases, each
 * group with the answer the game master gives, plus unrelated questions that belong to no group. It
 * was written for this app; it is the ground truth for "was that hit right?" (same group).
 *
 * @param groups    the paraphrase groups, in file order
 * @param unrelated questions that must not be answered from any group
 */
public record Corpus(List<Group> groups, List<String> unrelated) {

    /** A group of paraphrases; {@code questions.get(0)} is its seed (the one cached first). */
    public record Group(String id, String answer, List<String> questions) {
        public String seed() {
            return questions.get(0);
        }
    }

    /** One question with its group id ({@code null} for unrelated ones). */
    public record Question(String text, String group) {
    }

    public static final String RESOURCE = "/semantic/corpus.txt";

    /** Reads the corpus shipped in the jar. */
    public static Corpus shipped() {
        try (InputStream in = Corpus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new UncheckedIOException(new IOException("missing resource " + RESOURCE));
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the format described at the top of {@code corpus.txt}; fails naming the line on a mistake. */
    public static Corpus parse(String text) {
        List<Group> groups = new ArrayList<>();
        List<String> unrelated = new ArrayList<>();
        String id = null;
        String answer = null;
        List<String> questions = null;
        boolean inUnrelated = false;
        int n = 0;
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) continue;
                if (l.startsWith("@group ") || l.equals("@unrelated")) {
                    if (id != null) groups.add(group(id, answer, questions, n));
                    id = null;
                    inUnrelated = l.equals("@unrelated");
                    if (!inUnrelated) {
                        id = l.substring(7).strip();
                        answer = null;
                        questions = new ArrayList<>();
                    }
                } else if (l.startsWith("@answer ")) {
                    if (id == null) throw new IllegalArgumentException("line " + n + ": @answer outside a group");
                    answer = l.substring(8).strip();
                } else if (l.startsWith("@")) {
                    throw new IllegalArgumentException("line " + n + ": unknown directive " + l);
                } else if (inUnrelated) {
                    unrelated.add(l);
                } else if (id != null) {
                    questions.add(l);
                } else {
                    throw new IllegalArgumentException("line " + n + ": a question before the first @group");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (id != null) groups.add(group(id, answer, questions, n));
        return new Corpus(List.copyOf(groups), List.copyOf(unrelated));
    }

    private static Group group(String id, String answer, List<String> questions, int line) {
        if (answer == null) throw new IllegalArgumentException("group " + id + " (before line " + line + ") has no @answer");
        if (questions.size() < 2) throw new IllegalArgumentException("group " + id + " needs at least two paraphrases");
        return new Group(id, answer, List.copyOf(questions));
    }

    /** Every question, groups first (in order), then the unrelated ones. */
    public List<Question> all() {
        List<Question> all = new ArrayList<>();
        for (Group g : groups) for (String q : g.questions()) all.add(new Question(q, g.id()));
        for (String q : unrelated) all.add(new Question(q, null));
        return all;
    }

    public Optional<Group> group(String id) {
        return groups.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** The group whose questions include exactly this text (case and spaces ignored), if any. */
    public Optional<Group> groupOf(String question) {
        String q = normalise(question);
        return groups.stream().filter(g -> g.questions().stream().anyMatch(x -> normalise(x).equals(q))).findFirst();
    }

    static String normalise(String s) {
        return s == null ? "" : s.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
    }
}
