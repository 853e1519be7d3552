package org.callmask.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.callmask.pool.NumberPool;
import org.callmask.session.PoolUsage;
import org.callmask.session.Sessions;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The pool of proxy numbers, as the seed exposed it. */
@RestController
@RequestMapping("/api/rest/numberPool")
class NumberPoolController {

    private final NumberPool pool;
    private final Sessions sessions;

    NumberPoolController(NumberPool pool, Sessions sessions) {
        this.pool = pool;
        this.sessions = sessions;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.TEXT_PLAIN_VALUE)
    String add(@RequestBody JsonNode body) {
        pool.add(JsonFields.of(body).phoneNumberList("phone_numbers"));
        return SeedFormat.OK;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<PoolNumberView> list() {
        return sessions.poolUsage().stream().map(PoolNumberView::of).toList();
    }

    @DeleteMapping(path = "/{number}", produces = MediaType.TEXT_PLAIN_VALUE)
    String remove(@PathVariable String number, @RequestParam(defaultValue = "false") boolean force) {
        sessions.removeFromPool(SeedFormat.pathNumber(number), force);
        return SeedFormat.OK;
    }

    /**
     * @param inUse how many active masks use the number; 0 when free
     */
    @JsonPropertyOrder({"phone_number", "in_use"})
    record PoolNumberView(@JsonProperty("phone_number") String phoneNumber, @JsonProperty("in_use") int inUse) {

        static PoolNumberView of(PoolUsage usage) {
            return new PoolNumberView(usage.number().e164(), usage.activeMasks());
        }
    }
}
