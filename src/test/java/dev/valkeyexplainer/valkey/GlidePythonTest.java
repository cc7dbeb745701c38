package dev.valkeyexplainer.valkey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Commands as Valkey GLIDE for Python statements: typed methods where glide-python has one, custom_command otherwise. */
class GlidePythonTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GET vx:k|await client.get(\"vx:k\")",
            "SET vx:k v|await client.set(\"vx:k\", \"v\")",
            "SET vx:k v EX 60|await client.custom_command([\"SET\", \"vx:k\", \"v\", \"EX\", \"60\"])",
            "DEL vx:a vx:b|await client.delete([\"vx:a\", \"vx:b\"])",
            "PFADD vx:h alice bob|await client.pfadd(\"vx:h\", [\"alice\", \"bob\"])",
            "PFCOUNT vx:h|await client.pfcount([\"vx:h\"])",
            "HSET vx:s email a@b age 42|await client.hset(\"vx:s\", {\"email\": \"a@b\", \"age\": \"42\"})",
            "HINCRBY vx:s age 1|await client.hincrby(\"vx:s\", \"age\", 1)",
            "PUBLISH ch hello|await client.publish(\"hello\", \"ch\")",
            "CLIENT TRACKING ON|await client.custom_command([\"CLIENT\", \"TRACKING\", \"ON\"])",
            "AUTH secret|await client.custom_command([\"AUTH\", \"****\"])",
    })
    void writesTheCallThatSendsTheSameCommand(String command, String python) {
        assertEquals(python, GlidePython.call(List.of(command.split(" "))));
    }
}
