package org.callmask.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SignalWire's official SWML JSON Schema, for checking every SWML document the service writes. */
public final class SwmlSchema {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Schema schema;

    private SwmlSchema() {}

    private static synchronized Schema schema() {
        if (schema == null) {
            JsonNode node = JSON.readTree(SignalWireFiles.read("swml.schema.json"));
            // The schema's $id is relative; give it an absolute base so its $refs resolve.
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(SchemaLocation.of("https://swml.invalid/SWMLObject.json"), node);
        }
        return schema;
    }

    public static List<Error> errors(String document) {
        return schema().validate(JSON.readTree(document));
    }

    public static void assertValid(String document) {
        List<Error> errors = errors(document);
        assertThat(errors)
                .as(
                        "SWML schema errors (%d) for %s, first at %s",
                        errors.size(),
                        document,
                        errors.isEmpty() ? "-" : errors.get(0).getInstanceLocation())
                .isEmpty();
    }
}
