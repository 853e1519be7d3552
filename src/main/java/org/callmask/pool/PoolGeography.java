package org.callmask.pool;

import org.callmask.system.Transactions;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives numbers added before pools recorded geography their country and area code, once, at
 * start-up. The migration cannot: the country comes from libphonenumber. Idempotent, so several
 * instances starting together do no harm; until it has run, geographic matching skips such numbers.
 */
@Component
class PoolGeography {

    private final NumberPool pool;
    private final Transactions transactions;

    PoolGeography(NumberPool pool, Transactions transactions) {
        this.pool = pool;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void fill() {
        transactions.write(status -> {
            pool.fillGeography();
            return null;
        });
    }
}
