package dev.valkeyexplainer.concepts.csc;

import dev.valkeyexplainer.concept.Snippet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The code behind the tab, in Glide Java and Glide Python (with valkey-java / valkey-py for connection 0,
 * as the app does), written beside the classes that run it: {@link InvalidationConnection},
 * {@link DataPool}, {@link LocalCache}. {@code CscCodeTest} checks that both languages name the same
 * commands.
 */
final class CscCode {

    private CscCode() {
    }

    /** The one-line alternative, once Glide 2.5 is released (it is a release candidate today; the app does not use it). */
    static final String GLIDE_25_JAVA = """

            // Glide 2.5 (release candidate) builds this in: a client-side
            // cache with serverAssisted(true) tracks with BCAST on every
            // connection (RESP3), instead of connection 0 + REDIRECT:
            // GlideClientConfiguration.builder()...clientSideCache(
            //     ClientSideCache.builder().maxCacheKb(1024L)
            //         .serverAssisted(true).build())""";

    static final String GLIDE_25_PYTHON = """

            # Glide 2.5 (release candidate) adds a built-in client-side cache
            # (server-assisted: BCAST tracking on every connection, RESP3).
            # This app does not depend on a release candidate.""";

    static final Snippet POOL = Snippet.of("""
            // Connection 0: valkey-java, RESP2 (Glide 2.3 drops RESP3
            // "invalidate" pushes, and its pub/sub needs RESP3)
            Connection conn0 = new Connection(hostAndPort,
                DefaultJedisClientConfig.builder().password(pw).build());
            long id0 = (Long) conn0.executeCommand(
                new CommandArguments(Command.CLIENT).add("ID"));
            conn0.sendCommand(Command.SUBSCRIBE, "__redis__:invalidate");

            // Connections 1..9: one Glide client (= one connection) each
            for (GlideClient data : dataConnections) {
              data.customCommand(new String[]{"CLIENT", "TRACKING",
                  "ON", "REDIRECT", Long.toString(id0)}).get();
            }""" + GLIDE_25_JAVA, """
            # Connection 0: valkey-py, RESP2 (Glide drops "invalidate"
            # pushes, and its pub/sub needs RESP3)
            conn0 = valkey.Connection(host=host, port=port, password=pw)
            conn0.send_command("CLIENT", "ID")
            id0 = conn0.read_response()
            conn0.send_command("SUBSCRIBE", "__redis__:invalidate")
            conn0.read_response()

            # Connections 1..9: one Glide client (= one connection) each
            for data in data_connections:
                await data.custom_command(
                    ["CLIENT", "TRACKING", "ON", "REDIRECT", str(id0)])""" + GLIDE_25_PYTHON);

    static final Snippet READ = Snippet.of("""
            // A read: the local cache first (no network at all)
            Slot s = cache.getIfPresent(key);
            if (s instanceof Cached c) return c.value();
            // a miss: leave a "fetch in progress" placeholder
            Pending p = new Pending(key);
            if (cache.asMap().putIfAbsent(key, p) != null) return read(key);
            // GET on the next data connection, with its CLIENT ID
            // (a re-made connection has a new id and no tracking)
            Object[] r = data[next()].exec(new Batch(false)
                .customCommand(new String[]{"CLIENT", "ID"})
                .get(key), false).get();
            // keep it only if no invalidation removed the placeholder
            cache.asMap().replace(key, p, new Cached((String) r[1]));
            return (String) r[1];""", """
            # A read: the local cache first (no network at all)
            slot = cache.get(key)
            if isinstance(slot, Cached):
                return slot.value
            # a miss: leave a "fetch in progress" placeholder
            p = Pending(key)
            if cache.setdefault(key, p) is not p:
                return await read(key)
            # GET on the next data connection, with its CLIENT ID
            batch = Batch(is_atomic=False)
            batch.custom_command(["CLIENT", "ID"])
            batch.get(key)
            conn_id, value = await data[nxt()].exec(batch, raise_on_error=False)
            # keep it only if no invalidation removed the placeholder
            if cache.get(key) is p:
                cache[key] = Cached(value)
            return value""");

    static final Snippet INVALIDATE = Snippet.of("""
            // Connection 0's own thread: one pub/sub message per invalidation
            while (true) {
              List<Object> msg = conn0.getUnflushedObjectMultiBulkReply();
              // ["message", "__redis__:invalidate", [key, ...]]
              Object keys = msg.get(2);
              if (keys == null) cache.invalidateAll();   // FLUSHALL: everything
              else for (Object k : (List<?>) keys)        // values AND placeholders
                cache.asMap().remove(new String((byte[]) k, UTF_8));
            }""", """
            # Connection 0's own thread: one pub/sub message per invalidation
            while True:
                kind, channel, keys = conn0.read_response()
                # [b"message", b"__redis__:invalidate", [key, ...]]
                if keys is None:       # FLUSHALL: everything
                    cache.clear()
                else:                  # values AND placeholders
                    for k in keys:
                        cache.pop(k.decode(), None)""");

    /** The commands a mode switch sends on each data connection. */
    static Snippet mode(TrackingMode m, long id0) {
        List<String> on = m.onArgs(id0 < 0 ? 0 : id0);
        String javaArgs = on.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", "));
        String pyArgs = javaArgs;
        return Snippet.of("""
                // On each of the 9 data connections (OFF first: BCAST
                // cannot be switched while tracking is on)
                data.customCommand(new String[]{"CLIENT", "TRACKING", "OFF"}).get();
                data.customCommand(new String[]{%s}).get();%s""".formatted(javaArgs, m.optin() ? """

                // OPTIN: only reads right after CLIENT CACHING YES are tracked
                // (the app pipelines it before each GET it wants to keep)""" : ""), """
                # On each of the 9 data connections (OFF first: BCAST
                # cannot be switched while tracking is on)
                await data.custom_command(["CLIENT", "TRACKING", "OFF"])
                await data.custom_command([%s])%s""".formatted(pyArgs, m.optin() ? """

                # OPTIN: only reads right after CLIENT CACHING YES are tracked
                # (the app pipelines it before each GET it wants to keep)""" : ""));
    }
}
