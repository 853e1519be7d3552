package org.callmask.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

class StoreErrorsTests {

    private static final String NUMBER = "+15558001234";

    @Test
    void namesTheDriversCodesButNeverItsMessageWhichMayQuoteStoredValues() {
        var failure = new DataIntegrityViolationException(
                "duplicate " + NUMBER, new SQLException("Key (number)=(" + NUMBER + ") exists", "23505", 0));

        String described = StoreErrors.describe(failure);

        assertThat(described)
                .isEqualTo("DataIntegrityViolationException caused by SQLException (SQL state 23505, code 0)")
                .doesNotContain(NUMBER);
    }

    @Test
    void aFailedRollbackIsDescribedByTheStatementThatFailedFirst() {
        var statement = new DataIntegrityViolationException("busy", new SQLException("database is locked", null, 5));
        var rollback = new TransactionSystemException("Could not roll back");
        rollback.initApplicationException(statement);

        assertThat(StoreErrors.describe(rollback))
                .isEqualTo("DataIntegrityViolationException caused by SQLException (SQL state null, code 5), then the"
                        + " rollback failed");
    }
}
