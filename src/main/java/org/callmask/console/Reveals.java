package org.callmask.console;

import org.callmask.service.ProxyService;
import org.callmask.session.Participant;
import org.callmask.session.ProxySession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Shows one participant's number to a logged-in operator, and says so in the audit log: who, which
 * participant of which session, and (from the log line itself) when; never the number.
 */
@Component
class Reveals {

    private static final Logger audit = LoggerFactory.getLogger("org.callmask.console.audit");

    String reveal(String operator, ProxyService service, ProxySession session, Participant participant) {
        audit.info(
                "Console operator '{}' revealed the number of participant {} of session {} in service {}",
                operator.replaceAll("[\\p{Cntrl}]", "?"),
                participant.id().value(),
                session.id().value(),
                service.uniqueName());
        return participant.number().e164();
    }
}
