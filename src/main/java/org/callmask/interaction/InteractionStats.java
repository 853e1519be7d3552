package org.callmask.interaction;

import java.time.Instant;
import java.util.List;
import org.callmask.core.HourlyCount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Interactions counted per hour and outcome, for the people who run the service. */
@Service
public class InteractionStats {

    private static final String HOURLY = """
            SELECT created_at / 3600000 AS hour, outcome, COUNT(*) AS n
            FROM interaction
            WHERE created_at >= :since
            GROUP BY created_at / 3600000, outcome
            """;

    private final JdbcClient jdbc;

    InteractionStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Interactions in each hour since {@code since}, one count per outcome. */
    public List<HourlyCount> hourlyByOutcome(Instant since) {
        return jdbc.sql(HOURLY)
                .param("since", since.toEpochMilli())
                .query((rs, i) -> new HourlyCount(
                        Instant.ofEpochMilli(rs.getLong("hour") * HourlyCount.HOUR_MILLIS),
                        rs.getString("outcome"),
                        rs.getLong("n")))
                .list();
    }
}
