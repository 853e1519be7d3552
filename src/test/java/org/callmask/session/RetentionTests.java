package org.callmask.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RetentionTests extends IntegrationTest {

    @Autowired
    ExpirySweeper sweeper;

    @Test
    void deletesClosedMasksOnceTheyAreOlderThanTheRetentionPeriod() {
        poolOf("+15551231111");
        openMask("+15559990000", "+15558001234");
        http.delete("/api/rest/numberMask/+15551231111");
        clock.advance(Duration.ofDays(10));
        openMask("+15559990001", "+15558001235");
        clock.advance(Duration.ofDays(1));
        sweeper.sweep();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM session").query(Long.class).single())
                .isEqualTo(2);

        clock.advance(Duration.ofDays(19).plusSeconds(1));
        sweeper.sweep();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM session").query(Long.class).single())
                .as("the deleted mask is gone")
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM participant WHERE number = '+15559990000'")
                        .query(Long.class)
                        .single())
                .isZero();
        // The other mask expired 20 days ago, was closed by the sweeper then, and stays for now.
        assertThat(http.get("/api/rest/numberMask/+15551231111").body())
                .contains("+15559990001", "\"status\":\"expired\"");

        clock.advance(Duration.ofDays(11));
        sweeper.sweep();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM session").query(Long.class).single())
                .isZero();
        assertThat(http.get("/api/rest/numberMask/+15551231111").body()).isEqualTo("[]");
    }
}
