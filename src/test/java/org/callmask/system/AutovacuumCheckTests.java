package org.callmask.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

@ExtendWith(OutputCaptureExtension.class)
class AutovacuumCheckTests extends IntegrationTest {

    @Autowired
    AutovacuumCheck check;

    @Autowired
    StorageDialect dialect;

    @Autowired
    JdbcClient jdbc;

    @Test
    void warnsExactlyWhenThePostgresqlServerRunsWithoutAutovacuum(CapturedOutput output) {
        check.warnWhenOff();

        boolean off = dialect == StorageDialect.POSTGRESQL
                && "off".equals(jdbc.sql("SHOW autovacuum").query(String.class).single());
        if (off) {
            assertThat(output.getOut()).contains("Autovacuum is off on this PostgreSQL server");
        } else {
            assertThat(output.getOut()).doesNotContain("Autovacuum is off");
        }
    }
}
