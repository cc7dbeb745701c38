package dev.valkeyexplainer.concepts.herd;

import dev.valkeyexplainer.concept.Snippet;

/**
 * One worker of the race, in Glide Java and Glide Python (valkey-glide, asyncio), with the values the
 * race uses (lock TTL, value TTL, back-off); written beside {@link HerdRace}, which runs the same
 * commands. {@code HerdCodeTest} checks both languages name the commands the race sends.
 */
final class HerdCode {

    private HerdCode() {
    }

    static Snippet worker(String key, String lockKey, HerdRace.Config c) {
        return c.useLock() ? withLock(key, lockKey, c) : withoutLock(key, c);
    }

    private static String javaExpiry(long ms) {
        return ms % 1000 == 0 ? "Expiry.Seconds(" + ms / 1000 + "L)" : "Expiry.Milliseconds(" + ms + "L)";
    }

    private static String pythonExpiry(long ms) {
        return ms % 1000 == 0 ? "ExpirySet(ExpiryType.SEC, " + ms / 1000 + ")" : "ExpirySet(ExpiryType.MILLSEC, " + ms + ")";
    }

    private static Snippet withoutLock(String key, HerdRace.Config c) {
        return Snippet.of("""
                String v = client.get("%1$s").get();
                if (v == null) {                    // every worker misses…
                    v = loadFromDatabase(%2$d);      // …and every one loads
                    client.set("%1$s", v, SetOptions.builder()
                        .expiry(%3$s).build()).get();
                }
                return v;""".formatted(key, c.playerId(), javaExpiry(c.valueTtlSeconds() * 1000L)), """
                v = await client.get("%1$s")
                if v is None:                       # every worker misses…
                    v = await load_from_database(%2$d)  # …and every one loads
                    await client.set("%1$s", v, expiry=%3$s)
                return v""".formatted(key, c.playerId(), pythonExpiry(c.valueTtlSeconds() * 1000L)));
    }

    private static Snippet withLock(String key, String lockKey, HerdRace.Config c) {
        return Snippet.of("""
                String v = client.get(key).get();
                if (v != null) return v;          // a hit
                String token = UUID.randomUUID().toString();
                SetOptions nx = SetOptions.builder().conditionalSetOnlyIfNotExist()
                    .expiry(%3$s).build();
                while (true) {
                  if ("OK".equals(client.set("%2$s", token, nx).get())) {
                    v = client.get(key).get();    // filled meanwhile?
                    if (v == null) {
                      v = loadFromDatabase(%4$d);  // the winner only
                      client.set(key, v, SetOptions.builder()
                          .expiry(%5$s).build()).get();
                    }
                    // delete the lock only if it is still ours
                    client.invokeScript(releaseLock, ScriptOptions.builder()
                        .key("%2$s").arg(token).build()).get();
                    return v;
                  }
                  Thread.sleep(%6$d);   // someone else is loading
                  v = client.get(key).get();
                  if (v != null) return v;
                }
                // key = "%1$s"
                // releaseLock = new Script("if redis.call('GET', KEYS[1]) == ARGV[1]
                //   then return redis.call('DEL', KEYS[1]) end return 0", false)"""
                .formatted(key, lockKey, javaExpiry(c.lockTtlMs()), c.playerId(), javaExpiry(c.valueTtlSeconds() * 1000L),
                        c.backoffMs()), """
                v = await client.get(key)
                if v is not None:
                    return v                      # a hit
                token = str(uuid.uuid4())
                while True:
                    if await client.set("%2$s", token,
                            conditional_set=ConditionalChange.ONLY_IF_DOES_NOT_EXIST,
                            expiry=%3$s):
                        v = await client.get(key)  # filled meanwhile?
                        if v is None:
                            v = await load_from_database(%4$d)  # the winner only
                            await client.set(key, v, expiry=%5$s)
                        # delete the lock only if it is still ours
                        await client.invoke_script(release_lock, keys=["%2$s"], args=[token])
                        return v
                    await asyncio.sleep(%6$s)   # someone else is loading
                    v = await client.get(key)
                    if v is not None:
                        return v
                # key = "%1$s"
                # release_lock = Script("if redis.call('GET', KEYS[1]) == ARGV[1] "
                #   "then return redis.call('DEL', KEYS[1]) end return 0")"""
                .formatted(key, lockKey, pythonExpiry(c.lockTtlMs()), c.playerId(), pythonExpiry(c.valueTtlSeconds() * 1000L),
                        String.valueOf(c.backoffMs() / 1000.0)));
    }
}
