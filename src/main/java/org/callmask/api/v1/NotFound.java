package org.callmask.api.v1;

/** A path names a resource that does not exist (or not under the service named before it). */
final class NotFound extends RuntimeException {

    NotFound(String what) {
        super(what);
    }
}
