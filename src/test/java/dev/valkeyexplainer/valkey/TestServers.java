package dev.valkeyexplainer.valkey;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Test helpers: a raw RESP line to a server, for checks that must not go through the gateway. */
public final class TestServers {
    private TestServers() {
    }

    /** Sends one inline command (after AUTH when a password is given) and returns the first reply line. */
    public static String rawCommand(int port, String password, String command) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(3000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            if (password != null) {
                out.write(("AUTH " + password + "\r\n").getBytes(StandardCharsets.UTF_8));
                readLine(in);
            }
            out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') sb.append((char) c);
        }
        return sb.toString();
    }
}
