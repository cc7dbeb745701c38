package dev.valkeyexplainer.concepts.cache;

import dev.valkeyexplainer.concept.Snippet;

/**
 * The cache-aside concept's code panel, in Glide Java and Glide Python (valkey-glide, asyncio), with
 * the values in use (the TTL slider at 5 s shows {@code EX 5}). Written beside the classes that run
 * it ({@link PlayerCache}, the trigger in {@link CacheModel}, {@link HotKeyReaders}); {@code
 * CacheCodeTest} checks that both languages name the same commands and that they are the ones sent.
 */
final class CacheCode {

    private CacheCode() {
    }

    /** Lazy loading: GET, and on a miss the row from the database, SET with the TTL in use. */
    static Snippet lookup(String keyPrefix, int ttlSeconds) {
        return Snippet.of("""
                String key = "%1$s" + id;
                String json = client.get(key).get();
                if (json == null) {                  // miss
                    Player p = db.load(id);          // SELECT … WHERE id = ?
                    json = p.toJson();
                    client.set(key, json, SetOptions.builder()
                        .expiry(Expiry.Seconds(%2$dL)).build()).get();
                }
                return json;                          // hit: microseconds""".formatted(keyPrefix, ttlSeconds), """
                key = f"%1$s{player_id}"
                value = await client.get(key)
                if value is None:                     # miss
                    row = await db.load(player_id)    # SELECT … WHERE id = ?
                    value = row.to_json()
                    await client.set(key, value,
                                     expiry=ExpirySet(ExpiryType.SEC, %2$d))
                return value                          # hit: microseconds""".formatted(keyPrefix, ttlSeconds));
    }

    /** The database trigger's work: drop the cached copy of the updated row. */
    static Snippet trigger(String keyPrefix) {
        return Snippet.of("""
                // H2 calls this for every updated row (AFTER UPDATE):
                public void fire(Connection c, Object[] old, Object[] row) {
                    int id = (Integer) row[0];
                    client.del(new String[]{"%1$s" + id});
                }
                // CREATE TRIGGER invalidate AFTER UPDATE ON players
                //   FOR EACH ROW CALL "…InvalidationTrigger"
                // (in the talk: DynamoDB Streams → Lambda → DEL)""".formatted(keyPrefix), """
                # called for every updated row (in the talk: a DynamoDB
                # stream drives a Lambda; here an H2 trigger does the same)
                async def on_row_updated(player_id):
                    await client.delete([f"%1$s{player_id}"])""".formatted(keyPrefix));
    }

    /** The journal's Java for one reader's MULTI GET TTL. */
    static String hotRead(String key) {
        return "Batch tx = new Batch(true) // MULTI … EXEC\n    .get(\"" + key + "\").ttl(\"" + key + "\");\n"
                + "Object[] r = client.exec(tx, false).get();";
    }

    /** Every reader, on every read of the hot item, with the TTL, the threshold and the lock in use. */
    static Snippet hotKey(String key, String lockKey, int playerId, int ttlSeconds, int thresholdSeconds, long lockSeconds) {
        return Snippet.of("""
                String key = "%6$s";
                Batch tx = new Batch(true).get(key).ttl(key); // MULTI GET TTL EXEC
                Object[] r = client.exec(tx, false).get();
                if (r[0] == null || (Long) r[1] < %3$d) {       // about to expire
                    // one refresh, not one per reader: a short lock
                    String lock = "%2$s", token = UUID.randomUUID().toString();
                    if ("OK".equals(client.set(lock, token, SetOptions.builder()
                            .conditionalSetOnlyIfNotExist()
                            .expiry(Expiry.Seconds(%5$dL)).build()).get())) {
                        if (client.ttl(key).get() < %3$d) {    // still? then reload
                            client.set(key, db.load(%4$d).toJson(), SetOptions.builder()
                                .expiry(Expiry.Seconds(%1$dL)).build()).get();
                        }
                        client.invokeScript(releaseLock, ScriptOptions.builder()
                            .key(lock).arg(token).build()).get();
                    }                    // lost it: serve r[0], someone refreshes
                }
                return r[0];""".formatted(ttlSeconds, lockKey, thresholdSeconds, playerId, lockSeconds, key), """
                key = "%6$s"
                tx = Batch(is_atomic=True)                 # MULTI GET TTL EXEC
                tx.get(key)
                tx.ttl(key)
                value, ttl = await client.exec(tx, raise_on_error=True)
                if value is None or ttl < %3$d:             # about to expire
                    # one refresh, not one per reader: a short lock
                    lock, token = "%2$s", str(uuid.uuid4())
                    if await client.set(lock, token,
                            conditional_set=ConditionalChange.ONLY_IF_DOES_NOT_EXIST,
                            expiry=ExpirySet(ExpiryType.SEC, %5$d)):
                        if await client.ttl(key) < %3$d:     # still? then reload
                            row = await db.load(%4$d)
                            await client.set(key, row.to_json(),
                                             expiry=ExpirySet(ExpiryType.SEC, %1$d))
                        await client.invoke_script(release_lock, keys=[lock], args=[token])
                                         # lost it: serve value, someone refreshes
                return value""".formatted(ttlSeconds, lockKey, thresholdSeconds, playerId, lockSeconds, key));
    }
}
