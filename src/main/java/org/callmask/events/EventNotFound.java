package org.callmask.events;

/** The service has no event with this id (or it was purged after its retention period). */
public class EventNotFound extends RuntimeException {

    public EventNotFound() {
        super("The service has no such event");
    }
}
