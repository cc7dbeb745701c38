package dev.valkeyexplainer.valkey;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Tells a user what is wrong when the client library cannot connect. Valkey GLIDE reports a closed
 * port, a wrong password, a missing TLS handshake, a non-Valkey server and a missing permission all
 * as "Connection refused" or "timed out"; this opens one raw connection (TLS when the address asks
 * for it, with the JVM's default trust), speaks RESP, and looks at the replies: {@code AUTH}
 * (WRONGPASS), {@code CLIENT SETNAME} and {@code INFO} (NOPERM: the client library sends both while
 * it connects), {@code SELECT} for a database number. The password is only ever written to that
 * socket; no message contains it.
 */
public final class ServerProbe {

    /**
     * What the probe found.
     *
     * @param message        a sentence a user can act on
     * @param retry          whether retrying later can help (a server that is down may come up; a wrong
     *                       password or a missing permission never fixes itself)
     * @param dropClientName the server is fine but the user may not run CLIENT SETNAME: connect without a name
     * @param serverAnswered the login worked and the server answered: nothing found that stands in the way
     */
    public record Diagnosis(String message, boolean retry, boolean dropClientName, boolean serverAnswered) {

        Diagnosis(String message, boolean retry, boolean dropClientName) {
            this(message, retry, dropClientName, false);
        }
    }

    private static final int TIMEOUT_MS = 1_500;

    private ServerProbe() {
    }

    public static Diagnosis diagnose(ConnectionTarget t) {
        String where = t.host() + ":" + t.port();
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(t.host(), t.port()), TIMEOUT_MS);
            raw.setSoTimeout(TIMEOUT_MS);
            Socket s = raw;
            if (t.tls()) {
                try {
                    SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                            .createSocket(raw, t.host(), t.port(), false);
                    ssl.setSoTimeout(TIMEOUT_MS);
                    ssl.startHandshake();
                    s = ssl;
                } catch (SSLException | SocketTimeoutException e) {
                    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    boolean cert = why.toLowerCase(Locale.ROOT).contains("certif") || why.contains("PKIX");
                    return cert
                            ? new Diagnosis("The TLS certificate of " + where + " is not trusted by this Java: " + why + ".", false, false)
                            : new Diagnosis("No TLS handshake with " + where + ": the server does not speak TLS on this port."
                            + " Use the address without TLS (valkey:// or redis://), or the server's TLS port.", false, false);
                }
            }
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            if (t.hasPassword()) {
                String reply = command(out, in, t.username() == null ? new String[]{"AUTH", t.password()}
                        : new String[]{"AUTH", t.username(), t.password()});
                Diagnosis d = notResp(reply, t, where);
                if (d != null) return d;
                if (reply.startsWith("-")) {
                    String upper = reply.toUpperCase(Locale.ROOT);
                    if (upper.contains("WRONGPASS") || upper.contains("INVALID") || upper.contains("INVALID USERNAME")) {
                        return new Diagnosis("Authentication failed at " + where + ": wrong user name or password. Not"
                                + " retrying (each attempt is an entry in the server's ACL log).", false, false);
                    }
                    return new Diagnosis("The server at " + where + " refused AUTH: " + reply.substring(1).strip(), false, false);
                }
            }
            String name = command(out, in, new String[]{"CLIENT", "SETNAME", "valkey-explainer-probe"});
            Diagnosis d = notResp(name, t, where);
            if (d != null) return d;
            if (name.toUpperCase(Locale.ROOT).startsWith("-NOAUTH")) {
                return new Diagnosis("The server at " + where + " needs a password: valkey://user:password@"
                        + (t.host().contains(":") ? "[" + t.host() + "]" : t.host()) + ":" + t.port(), false, false);
            }
            String info = command(out, in, new String[]{"INFO", "server"});
            if (info.toUpperCase(Locale.ROOT).startsWith("-NOPERM")) {
                return new Diagnosis("The user " + user(t) + " may not run INFO, which the client library (Valkey GLIDE)"
                        + " sends while it connects; the app cannot use this user. Grant it with ACL SETUSER " + user(t)
                        + " +info. Not retrying.", false, false);
            }
            if (t.database() > 0) {
                String select = command(out, in, new String[]{"SELECT", Integer.toString(t.database())});
                if (select.startsWith("-")) {
                    return new Diagnosis("Database " + t.database() + " cannot be used at " + where + ": "
                            + select.substring(1).strip() + ". Not retrying.", false, false);
                }
            }
            if (name.toUpperCase(Locale.ROOT).startsWith("-NOPERM")) {
                return new Diagnosis("The user " + user(t) + " may not run CLIENT SETNAME: connecting without a client name.",
                        true, true, true);
            }
            return new Diagnosis("The server at " + where + " answers, but the client library could not connect; retrying.",
                    true, false, true);
        } catch (UnknownHostException e) {
            return new Diagnosis("Unknown host '" + t.host() + "'.", true, false);
        } catch (ConnectException e) {
            return new Diagnosis("Connection refused: nothing is listening at " + where + ".", true, false);
        } catch (SocketTimeoutException e) {
            return new Diagnosis("No answer from " + where + " (timed out after " + TIMEOUT_MS + " ms)."
                    + (t.tls() ? "" : " If the server needs TLS, use valkeys://."), true, false);
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (!t.tls() && (why.contains("reset") || why.contains("closed"))) {
                return new Diagnosis("The server at " + where + " closed the connection without a reply: it may need TLS"
                        + " (valkeys://).", true, false);
            }
            return new Diagnosis("Could not reach " + where + ": " + why, true, false);
        }
    }

    private static String user(ConnectionTarget t) {
        return t.username() == null ? "default" : t.username();
    }

    /** A first reply that is not RESP: an HTTP server, or TLS bytes from a TLS-only port. */
    private static Diagnosis notResp(String reply, ConnectionTarget t, String where) {
        if (reply.isEmpty()) {
            return new Diagnosis("The server at " + where + " closed the connection without a reply"
                    + (t.tls() ? "." : ": it may need TLS (valkeys://)."), true, false);
        }
        if (reply.startsWith("HTTP/")) {
            return new Diagnosis("Not a Valkey server: an HTTP server answered at " + where + ". Check the port.", false, false);
        }
        char c = reply.charAt(0);
        if ("+-:$*%_#,(=!>~|".indexOf(c) < 0) {
            return new Diagnosis("Not a Valkey server at " + where + ": its first reply was not RESP"
                    + (t.tls() ? "." : " (a TLS-only port answers like this: try valkeys://)."), false, false);
        }
        return null;
    }

    /** Sends one command as a RESP array and returns the first line of the reply (or "" on EOF). */
    static String command(OutputStream out, InputStream in, String[] args) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String a : args) {
            byte[] v = a.getBytes(StandardCharsets.UTF_8);
            b.writeBytes(("$" + v.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            b.writeBytes(v);
            b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(b.toByteArray());
        out.flush();
        String first = line(in);
        // skip the body of a bulk reply (INFO) so the next command's reply is read next
        if (first.startsWith("$") && first.length() > 1) {
            long n = Long.parseLong(first.substring(1).strip());
            if (n > 0) in.skipNBytes(n + 2);
        } else if (first.startsWith("=") && first.length() > 1) {
            long n = Long.parseLong(first.substring(1).strip());
            if (n > 0) in.skipNBytes(n + 2);
        }
        return first;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') sb.append((char) c);
            if (sb.length() > 512) break;
        }
        return sb.toString();
    }
}
