package org.callmask.pool;

import static org.assertj.core.api.Assertions.assertThat;

import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** On PostgreSQL, an instance vacuums the pool table after its sessions rewrote the table's rows. */
@Tag("postgresql")
class PoolVacuumTests extends IntegrationTest {

    @Autowired
    private PoolVacuum vacuum;

    @Test
    void vacuumsThePoolTableAfterASessionRewroteItsRowsAndNotAgainUntilTheNextOne() {
        // Whatever earlier tests left to vacuum, so the count below starts from a clean slate.
        vacuum.vacuum();
        long before = vacuums();

        aMaskBetweenClientAndContractor();
        vacuum.vacuum();
        long afterOpening = vacuums();
        vacuum.vacuum();

        assertThat(afterOpening).isEqualTo(before + 1);
        assertThat(vacuums()).isEqualTo(afterOpening);
        assertThat(http.delete("/api/rest/numberMask/" + PROXY).status()).isEqualTo(200);
        vacuum.vacuum();
        assertThat(vacuums()).isEqualTo(afterOpening + 1);
    }

    private long vacuums() {
        return jdbc.sql("""
                        SELECT vacuum_count FROM pg_stat_user_tables
                        WHERE relname = 'pool_number' AND schemaname = current_schema()
                        """).query(Long.class).single();
    }
}
