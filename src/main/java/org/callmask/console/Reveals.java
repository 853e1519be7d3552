package org.callmask.console;

import org.callmask.core.PhoneNumber;
import org.callmask.service.ProxyService;
import org.callmask.session.Participant;
import org.callmask.session.ProxySession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the console tells an operator about a person, each time in the audit log: a number shown
 * (who, with which credential, from where, which participant of which session; never the number),
 * and a search by a number typed in full (the number redacted, and how many sessions it found).
 */
@Component
class Reveals {

    private static final Logger audit = LoggerFactory.getLogger("org.callmask.console.audit");

    String reveal(AuditedBy who, ProxyService service, ProxySession session, Participant participant) {
        audit.info(
                "Console operator '{}' ({}, from {}) revealed the number of participant {} of session {} in service {}",
                who.name(),
                who.credential(),
                who.address(),
                participant.id().value(),
                session.id().value(),
                service.uniqueName());
        return participant.number().e164();
    }

    void searched(AuditedBy who, ProxyService service, PhoneNumber participant, int found) {
        audit.info(
                "Console operator '{}' ({}, from {}) searched service {} for participant {}: {} session(s)",
                who.name(),
                who.credential(),
                who.address(),
                service.uniqueName(),
                participant.redacted(),
                found);
    }
}
