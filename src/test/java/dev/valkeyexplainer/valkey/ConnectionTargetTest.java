package dev.valkeyexplainer.valkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ConnectionTargetTest {

    @Test
    void parsesUserPasswordHostAndPort() {
        ConnectionTarget t = ConnectionTarget.parse("valkey://alice:s3cr%40t@cache.local:6380");
        assertEquals("cache.local", t.host());
        assertEquals(6380, t.port());
        assertEquals("alice", t.username());
        assertEquals("s3cr@t", t.password());
        assertFalse(t.tls());
    }

    @Test
    void defaultsPortAndAcceptsRedisSchemesAndTls() {
        assertEquals(6379, ConnectionTarget.parse("redis://localhost").port());
        assertTrue(ConnectionTarget.parse("valkeys://h:1").tls());
        assertTrue(ConnectionTarget.parse("rediss://h:1").tls());
        ConnectionTarget pwOnly = ConnectionTarget.parse("valkey://justapassword@h:7000");
        assertNull(pwOnly.username());
        assertEquals("justapassword", pwOnly.password());
        assertEquals("::1", ConnectionTarget.parse("valkey://[::1]:6379").host());
    }

    @Test
    void thePasswordNeverAppearsInTextMeantForPeople() {
        ConnectionTarget t = ConnectionTarget.parse("valkey://bob:hunter2@h:1");
        assertEquals("valkey://bob:****@h:1", t.redacted());
        assertFalse(t.toString().contains("hunter2"));
        assertEquals("valkey://default:****@127.0.0.1:5", ConnectionTarget.embedded(5, "pw").redacted());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|empty",
            "localhost:6379|no scheme",
            "http://localhost:6379|Unknown scheme",
            "valkey://:6379|no host",
            "valkey://host:99999|out of range",
            "valkey://host:abc|not a number",
            "valkey://ho st:1|not a valid address"})
    void malformedAddressesGetAMessageAPersonCanActOn(String input, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConnectionTarget.parse(input));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void anErrorAboutAnAddressMasksItsPassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConnectionTarget.parse("valkey://u:topsecret@host:notaport"));
        assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
    }
}
