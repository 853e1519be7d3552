package org.callmask.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.xmlunit.XMLUnitException;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.Diff;

/**
 * Golden files under {@code src/test/resources/golden}: the exact SWML and LaML the service
 * answers with, so a change to the contract shows in review as a diff of these files.
 */
public final class Golden {

    private Golden() {}

    public static String read(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The answer must be the golden file, character for character. For LaML, XMLUnit compares the
     * two documents first, so a difference is reported as the element or attribute that differs.
     * Status-callback URLs, random per answer, are left out of the comparison.
     */
    public static void assertMatches(String name, String answer) {
        String expected = read(name);
        String actual = StatusCallbackUrls.strip(answer);
        if (name.endsWith(".xml")) {
            Diff diff;
            try {
                diff = DiffBuilder.compare(Input.fromString(expected))
                        .withTest(Input.fromString(actual))
                        .checkForIdentical()
                        .build();
            } catch (XMLUnitException e) {
                throw new AssertionError("Answer compared with golden/" + name + " is not XML: " + actual, e);
            }
            assertThat(diff.hasDifferences())
                    .as("answer compared with golden/%s: %s", name, diff)
                    .isFalse();
        }
        assertThat(actual).as("answer compared with golden/%s", name).isEqualTo(expected);
    }
}
