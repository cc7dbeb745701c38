package dev.valkeyexplainer.concepts.hll;

import dev.valkeyexplainer.concept.Snippet;

/**
 * The HyperLogLog concept's code panel, in Glide Java and Glide Python (valkey-glide, asyncio), with the
 * keys and names in use. Written beside the classes that send the same commands ({@link HllReader},
 * {@link AddScenario}, {@link MergeScenario}, {@link Experiment}); {@code HllCodeTest} checks that both
 * languages name the same commands and that they are the ones sent.
 */
final class HllCode {

    private HllCode() {
    }

    /** The journal's Java for a consistent read. */
    static String readJava(String key) {
        return readJava(key, null);
    }

    /** The same, with the experiment's exact count ({@code SCARD setKey}) in the transaction when {@code setKey} is given. */
    static String readJava(String key, String setKey) {
        return "Batch tx = new Batch(true) // MULTI … EXEC: registers and count at one moment\n    .get(gs(\"" + key
                + "\")).pfcount(new GlideString[]{gs(\"" + key + "\")})" + (setKey == null ? "" : ".scard(\"" + setKey + "\")")
                + ";\nObject[] r = client.exec(tx, false).get();";
    }

    /** What the page shows first: count unique daily users. */
    static Snippet overview(String dau) {
        return Snippet.of("""
                // Count unique daily users in at most 12 KB
                client.pfadd("%1$s", new String[]{"alice"}).get();
                long dau = client.pfcount(new String[]{"%1$s"}).get();""".formatted(dau), """
                # Count unique daily users in at most 12 KB
                await client.pfadd("%1$s", ["alice"])
                dau = await client.pfcount(["%1$s"])""".formatted(dau));
    }

    /** Step 1: the registers as they are now (the hash itself is computed inside PFADD, on the server). */
    static Snippet hashAndRead(String key, String name) {
        return Snippet.of("""
                // the registers as they are now, as raw bytes
                byte[] before = client.get(gs("%1$s")).get().getBytes();
                // inside PFADD, on the server:
                // long hash = MurmurHash64A("%2$s", 0xadc83b19);""".formatted(key, name), """
                # the registers as they are now, as raw bytes
                before = await client.get("%1$s")
                # inside PFADD, on the server:
                # hash = MurmurHash64A(b"%2$s", 0xadc83b19)""".formatted(key, name));
    }

    static Snippet index() {
        return Snippet.of("long index = hash & 0x3FFF;   // 14 bits: 0 … 16,383",
                "index = hash & 0x3FFF   # 14 bits: 0 … 16,383");
    }

    static Snippet value() {
        return Snippet.of("long rest = (hash >>> 14) | (1L << 50);\nint value = Long.numberOfTrailingZeros(rest) + 1;",
                "rest = (hash >> 14) | (1 << 50)\nvalue = (rest & -rest).bit_length()   # trailing zeros + 1");
    }

    static Snippet pfadd(String key, String setKey, String name) {
        return Snippet.of("""
                Boolean changed = client.pfadd("%1$s",
                        new String[]{"%3$s"}).get();
                // the exact count, for comparison: a Set
                client.sadd("%2$s", new String[]{"%3$s"}).get();""".formatted(key, setKey, name), """
                changed = await client.pfadd("%1$s", ["%3$s"])
                # the exact count, for comparison: a Set
                await client.sadd("%2$s", ["%3$s"])""".formatted(key, setKey, name));
    }

    /** Step 5 (and every poll): the registers and their count in one MULTI/EXEC, and the exact count. */
    static Snippet readBack(String key, String setKey) {
        return Snippet.of("""
                Batch tx = new Batch(true)          // registers and count, one moment
                    .get(gs("%1$s")).pfcount(new GlideString[]{gs("%1$s")});
                Object[] r = client.exec(tx, false).get();
                HllState s = HllDecoder.decode(((GlideString) r[0]).getBytes());
                long exact = client.scard("%2$s").get();""".formatted(key, setKey), """
                tx = Batch(is_atomic=True)          # registers and count, one moment
                tx.get("%1$s")
                tx.pfcount(["%1$s"])
                raw, count = await client.exec(tx, raise_on_error=True)
                exact = await client.scard("%2$s")""".formatted(key, setKey));
    }

    static Snippet merge(String g1, String g2, String merged, long count) {
        return Snippet.of("""
                client.del(new String[]{"%1$s", "%2$s", "%3$s"}).get();
                client.pfadd("%1$s", new String[]{"alice", "bob", "carol"}).get();
                client.pfadd("%2$s", new String[]{"alice", "doris"}).get();
                client.pfmerge("%3$s", new String[]{"%1$s", "%2$s"}).get();
                // each key's registers and count, at one moment (here the merged one)
                Batch tx = new Batch(true).get(gs("%3$s"))
                    .pfcount(new GlideString[]{gs("%3$s")});
                Object[] r = client.exec(tx, false).get();   // [raw, %4$d]""".formatted(g1, g2, merged, count), """
                await client.delete(["%1$s", "%2$s", "%3$s"])
                await client.pfadd("%1$s", ["alice", "bob", "carol"])
                await client.pfadd("%2$s", ["alice", "doris"])
                await client.pfmerge("%3$s", ["%1$s", "%2$s"])
                # each key's registers and count, at one moment (here the merged one)
                tx = Batch(is_atomic=True)
                tx.get("%3$s")
                tx.pfcount(["%3$s"])
                raw, total = await client.exec(tx, raise_on_error=True)   # total = %4$d""".formatted(g1, g2, merged, count));
    }

    /** The experiment: one pipeline per batch (add, then measure), the memory at the end, the server's run_id. */
    static Snippet experiment(String hll, String set) {
        return Snippet.of("""
                String runId = runId(client.info(new Section[]{SERVER}).get()); // a restart changes it
                client.del(new String[]{"%1$s", "%2$s"}).get();                // start empty
                // one pipeline per batch: add, then measure
                Batch b = new Batch(false);
                b.pfadd("%1$s", users).sadd("%2$s", users)
                 .pfcount(new String[]{"%1$s"}).scard("%2$s").strlen("%1$s");
                Object[] r = client.exec(b, false).get(); // an error reply stops the run
                // at the end, compare the memory:
                client.customCommand(new String[]{"MEMORY", "USAGE", "%2$s", "SAMPLES", "0"}).get();""".formatted(hll, set), """
                run_id = parse_run_id(await client.info([InfoSection.SERVER]))  # a restart changes it
                await client.delete(["%1$s", "%2$s"])                          # start empty
                # one pipeline per batch: add, then measure
                b = Batch(is_atomic=False)
                b.pfadd("%1$s", users)
                b.sadd("%2$s", users)
                b.pfcount(["%1$s"])
                b.scard("%2$s")
                b.strlen("%1$s")
                r = await client.exec(b, raise_on_error=True)  # an error reply stops the run
                # at the end, compare the memory:
                await client.custom_command(["MEMORY", "USAGE", "%2$s", "SAMPLES", "0"])""".formatted(hll, set));
    }

    /** The journal's Java for one experiment batch. */
    static String experimentBatchJava() {
        return """
                Batch b = new Batch(false); // pipeline: one round trip
                b.pfadd(hll, users).sadd(set, users)
                 .pfcount(new String[]{hll}).scard(set).strlen(hll);
                Object[] r = client.exec(b, false).get();""";
    }
}
