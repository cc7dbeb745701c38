package dev.valkeyexplainer.valkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Connection URLs read the way valkey-cli reads them. Each row is an input and either the parsed
 * result (host|port|user|password|tls|db, "-" for none) or "!" and a part of the expected message.
 * The password of every input is "pw" or contains "SECRET" or "s3cr": no message may contain it.
 */
class ConnectionTargetTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // schemes
            "valkey://localhost|localhost|6379|-|-|false|0",
            "redis://localhost:6380|localhost|6380|-|-|false|0",
            "valkeys://cache.example.com:6380|cache.example.com|6380|-|-|true|0",
            "rediss://cache.example.com|cache.example.com|6379|-|-|true|0",
            "VALKEY://Host-1.example:7000|Host-1.example|7000|-|-|false|0",
            "http://localhost:6379|!|Unknown scheme 'http://'",
            "localhost:6379|!|has no scheme",
            "``|!|empty",
            // userinfo, escaped and not
            "valkey://alice:s3cr%40t@cache.local:6380|cache.local|6380|alice|s3cr@t|false|0",
            "redis://default:Ab3+xY9+Qz=@127.0.0.1:7001|127.0.0.1|7001|default|Ab3+xY9+Qz=|false|0",
            "valkey://justapassword@h:7000|h|7000|-|justapassword|false|0",
            "valkey://:pw@h:7000|h|7000|-|pw|false|0",
            "valkey://bob@h:7000|h|7000|-|bob|false|0",
            "valkey://u:a%2Fb-SECRET@127.0.0.1:7002|127.0.0.1|7002|u|a/b-SECRET|false|0",
            "valkey://u:x%23y%3Fz%25w%3Av@h:1|h|1|u|x#y?z%w:v|false|0",
            "valkey://u:p%20q@h:1|h|1|u|p q|false|0",
            "valkey://u:caf%C3%A9@h:1|h|1|u|café|false|0",
            "valkey://u:pass:with:colons@h:1|h|1|u|pass:with:colons|false|0",
            "valkey://us%3Aer:pw@h:1|h|1|us:er|pw|false|0",
            "valkey://u:!$&'()*,;=~@h:1|h|1|u|!$&'()*,;=~|false|0",
            "redis://:a/b-SECRET@127.0.0.1:7003|!|write / as %2F",
            "valkey://weird:p@ss%w rd@127.0.0.1:7004|!|write @ as %40, % as %25",
            "valkey://u:SECRET#1@h:1|!|# as %23",
            "valkey://u:SECRET?1@h:1|!|? as %3F",
            "valkey://u:SECRET%2@h:1|!|% as %25",
            // hosts
            "valkey://127.0.0.1:6379|127.0.0.1|6379|-|-|false|0",
            "valkey://[::1]:6379|::1|6379|-|-|false|0",
            "valkey://[2001:db8::7]|2001:db8::7|6379|-|-|false|0",
            "valkey://u:pw@[fe80::1]:7000/2|fe80::1|7000|u|pw|false|2",
            "valkey://::1:6379|!|must be written in brackets",
            "valkey://[::1|!|no closing ]",
            "valkey://[fe80::1%25eth0]:1|!|zone ids",
            "valkey://my-cache_01.internal:1|my-cache_01.internal|1|-|-|false|0",
            "valkey://bücher.example:6379|xn--bcher-kva.example|6379|-|-|false|0",
            "valkey://ho st:1|!|may only hold letters",
            "valkey://:6379|!|has no host name",
            "valkey://u:pw@:6379|!|has no host name",
            // ports
            "valkey://h:0|!|Port 0 is out of range",
            "valkey://h:1|h|1|-|-|false|0",
            "valkey://h:65535|h|65535|-|-|false|0",
            "valkey://h:65536|!|Port 65536 is out of range",
            "valkey://h:abc|!|is not a number",
            "valkey://u:SECRET@h:notaport|!|is not a number",
            "valkey://h:|!|is not a number",
            // databases
            "valkey://127.0.0.1:7005/3|127.0.0.1|7005|-|-|false|3",
            "valkey://h:1/0|h|1|-|-|false|0",
            "valkey://h:1/|h|1|-|-|false|0",
            "valkey://h:1/15/|h|1|-|-|false|15",
            "valkey://h:1/abc|!|must be a database number",
            "valkey://h:1/-1|!|must be a database number",
            "valkey://h:1?db=3|!|options after ? or # are not supported",
            "valkeys://u:pw@h:6380/1|h|6380|u|pw|true|1",
    })
    void readsUrlsAsValkeyCliDoes(org.junit.jupiter.params.aggregator.ArgumentsAccessor row) {
        String url = row.getString(0);
        String host = row.getString(1);
        String port = row.getString(2);
        if ("!".equals(host)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConnectionTarget.parse(url));
            String expected = port;
            assertTrue(e.getMessage().contains(expected), "message for " + url + ": " + e.getMessage());
            for (String secret : new String[]{"SECRET", "s3cr", "p@ss", "ss%w", "a/b-"}) {
                assertFalse(e.getMessage().contains(secret), "the message shows the password: " + e.getMessage());
            }
            return;
        }
        String user = row.getString(3);
        String password = row.getString(4);
        String tls = row.getString(5);
        String db = row.getString(6);
        ConnectionTarget t = ConnectionTarget.parse(url);
        assertEquals(host, t.host());
        assertEquals(Integer.parseInt(port), t.port());
        assertEquals("-".equals(user) ? null : user, t.username());
        assertEquals("-".equals(password) ? null : password, t.password());
        assertEquals(Boolean.parseBoolean(tls), t.tls());
        assertEquals(Integer.parseInt(db), t.database());
        if (t.hasPassword()) {
            assertFalse(t.redacted().contains(t.password()), t.redacted());
            assertFalse(t.toString().contains(t.password()), t.toString());
            assertFalse(t.withoutPassword().contains(t.password()), t.withoutPassword());
        }
    }

    @Test
    void thePasswordNeverAppearsInTextMeantForPeople() {
        ConnectionTarget t = ConnectionTarget.parse("valkey://bob:hunter2@h:1/4");
        assertEquals("valkey://bob:****@h:1/4", t.redacted());
        assertEquals("valkey://bob@h:1/4", t.withoutPassword());
        assertEquals("valkey://default:****@127.0.0.1:5", ConnectionTarget.embedded(5, "pw").redacted());
    }
}
