package org.callmask.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Files the project tests against but does not ship: SignalWire's SWML schema, examples and
 * signature vectors, kept in {@code ../shared/signalwire} beside the checkout. Where that folder
 * is absent the tests that need it are skipped, except on CI, where they must run.
 */
public final class SharedFiles {

    private SharedFiles() {}

    public static Path signalwire(String name) {
        Path file = Path.of("..", "shared", "signalwire", name).toAbsolutePath().normalize();
        if (!Files.exists(file)) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("CI is set but " + file + " is missing");
            }
            Assumptions.abort(
                    "Skipped: " + file + " is not there (SignalWire reference files live beside the checkout)");
        }
        return file;
    }
}
