package org.callmask.session;

import java.util.Optional;
import org.callmask.core.PhoneNumber;

/**
 * A participant to add.
 *
 * @param name the platform's label; {@code null} if none
 * @param proxyNumber the proxy number asked for; empty to let allocation choose
 */
public record NewParticipant(PhoneNumber number, String name, Optional<PhoneNumber> proxyNumber) {

    public static final int MAX_NAME = 100;
}
