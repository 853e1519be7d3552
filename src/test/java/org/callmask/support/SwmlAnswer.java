package org.callmask.support;

import com.jayway.jsonpath.JsonPath;
import java.util.List;

/** Reads the SWML documents the call webhook answers with. */
public final class SwmlAnswer {

    private SwmlAnswer() {}

    /**
     * Where the document connects the call: the {@code to} of every {@code connect} step in
     * {@code main}, so one number for a routed call and none for a refusal.
     */
    public static List<String> connectsTo(String swml) {
        return JsonPath.read(swml, "$.sections.main[*].connect.to");
    }
}
