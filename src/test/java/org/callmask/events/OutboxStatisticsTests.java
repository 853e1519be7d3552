package org.callmask.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** On PostgreSQL, an instance analyzes the outbox once a burst of events changed enough of it. */
@Tag("postgresql")
class OutboxStatisticsTests extends IntegrationTest {

    @Autowired
    private OutboxStatistics statistics;

    @Test
    void analyzesTheOutboxAfterABurstOfEventsAndNotAgainUntilTheNextOne() {
        statistics.analyzeWhenChanged();
        long before = analyses();

        jdbc.sql("""
                        INSERT INTO outbox_event (id, service_id, session_id, type, payload, callback_url, status,
                                                  attempts, next_attempt_at, deliver_until, created_at, updated_at)
                        SELECT 'evt_' || md5(n::text), (SELECT id FROM service WHERE unique_name = 'default'),
                               'ses_' || md5(n::text), 'session.created', '{}', 'https://platform.example/events',
                               'pending', 0, 0, 0, 0, 0
                        FROM generate_series(1, 2000) AS n
                        """).update();
        // The server counts the changes once the writing connection reports them, within seconds.
        await().atMost(Duration.ofSeconds(20)).until(() -> changedSinceAnalysis() >= 2000);
        statistics.analyzeWhenChanged();
        long afterBurst = analyses();
        statistics.analyzeWhenChanged();

        assertThat(afterBurst).isEqualTo(before + 1);
        assertThat(analyses()).isEqualTo(afterBurst);
    }

    private long analyses() {
        return statistic("analyze_count");
    }

    private long changedSinceAnalysis() {
        return statistic("n_mod_since_analyze");
    }

    private long statistic(String column) {
        return jdbc.sql("SELECT " + column + """
                         FROM pg_stat_user_tables
                        WHERE relname = 'outbox_event' AND schemaname = current_schema()
                        """).query(Long.class).single();
    }
}
