package org.callmask.session;

import org.callmask.core.PhoneNumber;

/**
 * A client and contractor as one key, as {@code session.pair_key} stores it: the same pair asks
 * again for its open mask, and gets back the number it had before.
 */
record PairKey(String value) {

    static PairKey of(PhoneNumber client, PhoneNumber contractor) {
        return new PairKey(client.e164() + "|" + contractor.e164());
    }
}
