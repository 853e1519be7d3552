package org.callmask.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With callmask.interactions.store-content on, the text of a message put through is kept; a refused one's never. */
@TestPropertySource(properties = "callmask.interactions.store-content=true")
class StoredContentTests extends V1RoutingTest {

    private String service;

    @BeforeEach
    void aSessionBetweenAliceAndBob() {
        service = plainService("stored-content");
        numbers(service, P1, P2);
        sessionWithProxies(service, ALICE, P1, BOB, P2);
    }

    private List<String> bodies() {
        return JsonPath.read(
                http.get("/api/v1/services/" + service + "/interactions").body(), "$.items[*].body");
    }

    @Test
    void theTextOfAMessagePutThroughIsKept() {
        text(ALICE, P1, "I'm at the door");
        awaitInteractions(service, 1);

        assertThat(bodies()).containsExactly("I'm at the door");
    }

    @Test
    void aStrangersTextIsNeverKept() {
        text(STRANGER, P1, "Gate code 4321");
        awaitInteractions(service, 1);

        assertThat(bodies()).hasSize(1).containsOnlyNulls();
    }
}
