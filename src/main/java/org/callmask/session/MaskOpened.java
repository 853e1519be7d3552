package org.callmask.session;

import org.callmask.core.PhoneNumber;

/** A mask was opened; published inside the transaction that opened it. */
record MaskOpened(SessionKey id, PhoneNumber maskNumber, PhoneNumber client, PhoneNumber contractor) {}
