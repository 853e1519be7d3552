package org.callmask.session;

/**
 * A session, and whether this request created it or found the open one with its unique name and
 * participants.
 */
public record SessionOpened(ProxySession session, boolean created) {}
