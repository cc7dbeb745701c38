package dev.valkeyexplainer.concepts.server;

import dev.valkeyexplainer.concept.Snippet;

/**
 * The Server concept's code panel, in Glide Java and Glide Python (valkey-glide, asyncio), written
 * beside the code that runs it; {@code ServerCodeTest} checks both name the same commands as the
 * poller and the traffic run send.
 */
final class ServerCode {

    private ServerCode() {
    }

    /** What the poller runs: one INFO for every figure, a SCAN of the namespace every 2 s. */
    static Snippet polling(String matchPattern) {
        return Snippet.of("""
                // One INFO call returns every figure on this page
                String info = client.info(new Section[] {
                    SERVER, CLIENTS, MEMORY, STATS, KEYSPACE
                }).get();

                // Count only our own keys: SCAN + MATCH,
                // never KEYS (which blocks the server)
                ScanOptions only = ScanOptions.builder()
                    .matchPattern("%1$s").count(1000L).build();
                Object[] page = client.scan(cursor, only).get();""".formatted(matchPattern), """
                # One INFO call returns every figure on this page
                info = await client.info([
                    InfoSection.SERVER, InfoSection.CLIENTS, InfoSection.MEMORY,
                    InfoSection.STATS, InfoSection.KEYSPACE])

                # Count only our own keys: SCAN + MATCH,
                # never KEYS (which blocks the server)
                cursor, keys = await client.scan(cursor, match="%1$s", count=1000)""".formatted(matchPattern));
    }

    /**
     * The traffic run with the values it used: {@code keys} SETs with EX {@code exSeconds} in one
     * pipeline, as many GETs in another, then {@code singles} GETs on their own (0 leaves them out).
     */
    static Snippet traffic(String keyPrefix, int keys, int exSeconds, int singles) {
        String javaSingles = singles == 0 ? "" : """

                // then %1$d GETs on their own, each waiting for its reply
                for (int i = 0; i < %1$d; i++) client.get("%2$s" + i).get();""".formatted(singles, keyPrefix);
        String pythonSingles = singles == 0 ? "" : """

                # then %1$d GETs on their own, each waiting for its reply
                for i in range(%1$d):
                    await client.get(f"%2$s{i}")""".formatted(singles, keyPrefix);
        return Snippet.of("""
                Batch sets = new Batch(false); // a pipeline, not MULTI
                for (int i = 0; i < %1$d; i++)
                    sets.set("%2$s" + i, "player-" + i, SetOptions.builder()
                        .expiry(Expiry.Seconds(%3$dL)).build());
                client.exec(sets, false).get();

                Batch gets = new Batch(false);
                for (int i = 0; i < %1$d; i++) gets.get("%2$s" + i);
                client.exec(gets, false).get();""".formatted(keys, keyPrefix, exSeconds) + javaSingles, """
                sets = Batch(is_atomic=False)  # a pipeline, not MULTI
                for i in range(%1$d):
                    sets.set(f"%2$s{i}", f"player-{i}",
                             expiry=ExpirySet(ExpiryType.SEC, %3$d))
                await client.exec(sets, raise_on_error=True)

                gets = Batch(is_atomic=False)
                for i in range(%1$d):
                    gets.get(f"%2$s{i}")
                await client.exec(gets, raise_on_error=True)""".formatted(keys, keyPrefix, exSeconds) + pythonSingles);
    }
}
