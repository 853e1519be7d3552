package org.callmask.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.callmask.support.SignalWireFiles;
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
    void acceptsTheOfficialExamplesAndRejectsTheKnownInvalidOnes() {
        Map<String, String> examples = SignalWireFiles.swmlExamples();
        assertThat(examples).hasSize(47).containsKeys(KNOWN_INVALID.toArray(String[]::new));

        examples.forEach((name, example) -> {
            boolean valid = SwmlSchema.errors(example).isEmpty();
            assertThat(valid).as(name).isEqualTo(!KNOWN_INVALID.contains(name));
        });
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
