package org.callmask.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * SignalWire's published reference files, kept unchanged under {@code src/test/resources/signalwire}
 * (where each comes from is in the README there): the SWML JSON Schema, the official SWML examples
 * and the webhook-signature test vectors. Read from the class path, so they are there wherever the
 * tests run.
 */
public final class SignalWireFiles {

    private static final String FOLDER = "signalwire/";

    private SignalWireFiles() {}

    /** The text of one file, such as {@code signature-vectors.json}. */
    public static String read(String name) {
        try (InputStream in = SignalWireFiles.class.getResourceAsStream("/" + FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("No " + FOLDER + name + " on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every official SWML example ({@code swml-examples/*.json}), by file name, in name order. */
    public static Map<String, String> swmlExamples() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver()
                    .getResources("classpath:" + FOLDER + "swml-examples/*.json");
            Map<String, String> examples = new TreeMap<>();
            for (Resource file : files) {
                examples.put(file.getFilename(), file.getContentAsString(StandardCharsets.UTF_8));
            }
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
