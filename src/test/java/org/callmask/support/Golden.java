package org.callmask.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

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

    public static void assertMatches(String name, String actual) {
        assertThat(actual).as("answer compared with golden/%s", name).isEqualTo(read(name));
    }
}
