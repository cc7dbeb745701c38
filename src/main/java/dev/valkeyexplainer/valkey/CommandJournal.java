package dev.valkeyexplainer.valkey;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every command the app sends, newest last, bounded so a long demo does not grow without end.
 * Written from Glide's threads; listeners are told on the writing thread and must hand off.
 */
public final class CommandJournal {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CommandJournal.class);

    public static final int DEFAULT_CAPACITY = 5_000;

    private final int capacity;
    private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();
    private final List<Consumer<JournalEntry>> listeners = new CopyOnWriteArrayList<>();
    private long nextSeq = 1;

    public CommandJournal() {
        this(DEFAULT_CAPACITY);
    }

    public CommandJournal(int capacity) {
        this.capacity = capacity;
    }

    public synchronized long nextSeq() {
        return nextSeq++;
    }

    public void add(JournalEntry entry) {
        synchronized (this) {
            entries.addLast(entry);
            while (entries.size() > capacity) entries.removeFirst();
        }
        for (Consumer<JournalEntry> l : listeners) {
            try {
                l.accept(entry);
            } catch (RuntimeException e) {
                LOG.warn("a journal listener failed", e); // a listener's bug must never break the command path
            }
        }
    }

    public synchronized List<JournalEntry> snapshot() {
        return new ArrayList<>(entries);
    }

    public synchronized void clear() {
        entries.clear();
    }

    public synchronized int size() {
        return entries.size();
    }

    public void addListener(Consumer<JournalEntry> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<JournalEntry> listener) {
        listeners.remove(listener);
    }
}
