package dev.valkeyexplainer.concepts.csc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the reply of {@code CLIENT LIST} (one line per connection of {@code field=value} pairs, Valkey's
 * {@code src/networking.c}, {@code catClientInfoString}). The flags that matter here: {@code t} tracking
 * is on, {@code B} broadcast (BCAST) mode, {@code R} the redirect target is gone (broken redirect),
 * {@code P} a pub/sub subscriber; {@code N} means no flag.
 */
final class ClientList {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClientList.class);

    private ClientList() {
    }

    /**
     * One connection.
     *
     * @param redirect      the CLIENT ID its tracking redirects to ({@code redir=}), or -1 for none
     * @param resp          the protocol: 2 or 3
     * @param subscriptions channels subscribed to ({@code sub=})
     * @param lastCommand   the last command it ran ({@code cmd=})
     */
    record Row(long id, String name, String flags, long redirect, int resp, int subscriptions, String lastCommand) {

        boolean tracking() {
            return flags.contains("t");
        }

        boolean bcast() {
            return flags.contains("B");
        }

        boolean brokenRedirect() {
            return flags.contains("R");
        }
    }

    /** The rows by CLIENT ID, in the server's order. Lines it cannot read are skipped. */
    static Map<Long, Row> parse(String reply) {
        Map<Long, Row> out = new LinkedHashMap<>();
        if (reply == null) return out;
        for (String line : reply.split("\r?\n")) {
            Map<String, String> f = new LinkedHashMap<>();
            for (String part : line.trim().split(" ")) {
                int eq = part.indexOf('=');
                if (eq > 0) f.put(part.substring(0, eq), part.substring(eq + 1));
            }
            try {
                long id = Long.parseLong(f.getOrDefault("id", ""));
                out.put(id, new Row(id, f.getOrDefault("name", ""), f.getOrDefault("flags", "N"),
                        Long.parseLong(f.getOrDefault("redir", "-1")), Integer.parseInt(f.getOrDefault("resp", "2")),
                        Integer.parseInt(f.getOrDefault("sub", "0")), f.getOrDefault("cmd", "")));
            } catch (NumberFormatException e) {
                // not a client line (or a future format): leave it out rather than show a wrong figure
                LOG.debug("CLIENT LIST line not read ({}): {}", e.getMessage(), line);
            }
        }
        return out;
    }
}
