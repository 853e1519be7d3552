package org.callmask.console;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** What the console tells an operator about how it is set up. */
@Component
class ConsoleProperties {

    private final boolean keysSet;

    ConsoleProperties(@Value("${callmask.api.keys:}") List<String> keys) {
        this.keysSet = keys.stream().anyMatch(k -> !k.isBlank());
    }

    /** Whether the login form asks for an API key, or (without any) admits the local operator. */
    boolean keysSet() {
        return keysSet;
    }
}
