package dev.valkeyexplainer.concepts.hll;

/**
 * A key of this concept that the server holds but that is not a valid HyperLogLog (another type, or a
 * HyperLogLog whose bytes were changed, e.g. with APPEND): the message names the key, says what is
 * wrong (the decoder's finding and the server's own error) and how to clear it.
 */
final class HllDamage extends RuntimeException {

    private final String key;

    HllDamage(String key, String problem) {
        super(key + " is damaged: " + problem + " \"Reset demo data\" in the tool bar deletes the namespace's keys,"
                + " this one included.");
        this.key = key;
    }

    String key() {
        return key;
    }

    /** The damage behind {@code e} (through completion wrappers), or null. */
    static HllDamage of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof HllDamage d) return d;
        return null;
    }
}
