package org.callmask.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.callmask.support.SharedFiles;
import org.callmask.support.SwmlSchema;
import org.junit.jupiter.api.Test;

/**
 * The schema check that every SWML answer goes through must itself be right: it accepts SignalWire's
 * official examples and rejects the ones its documentation lists as invalid.
 */
class SwmlSchemaTests {

    private static final Set<String> KNOWN_INVALID =
            Set.of("record_call-02.json", "record_call-03.json", "transfer-03.json", "deployment-03.json");

    @Test
    void acceptsTheOfficialExamplesAndRejectsTheKnownInvalidOnes() throws IOException {
        Path folder = SharedFiles.signalwire("swml-examples");
        List<Path> examples;
        try (Stream<Path> files = Files.list(folder)) {
            examples =
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(examples).hasSizeGreaterThan(40);

        for (Path example : examples) {
            String name = example.getFileName().toString();
            boolean valid = SwmlSchema.errors(Files.readString(example)).isEmpty();
            assertThat(valid).as(name).isEqualTo(!KNOWN_INVALID.contains(name));
        }
    }

    @Test
    void rejectsWhatSignalWireWouldRefuse() {
        assertThat(SwmlSchema.errors(
                        "{\"version\":\"1.0.0\",\"sections\":{\"main\":[{\"play\":{\"url\":\"say:two\\nlines\"}}]}}"))
                .isNotEmpty();
        assertThat(SwmlSchema.errors(
                        "{\"version\":\"1.0.0\",\"sections\":{\"main\":[{\"connect\":{\"to\":\"+15551230002\","
                                + "\"hangup_after_bridge\":true}}]}}"))
                .isNotEmpty();
    }
}
