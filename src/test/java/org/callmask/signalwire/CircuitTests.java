package org.callmask.signalwire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.callmask.support.MutableClock;
import org.junit.jupiter.api.Test;

class CircuitTests {

    private final MutableClock clock = new MutableClock();
    private final Circuit circuit = new Circuit(2, Duration.ofSeconds(30), clock);

    private void openIt() {
        circuit.failed();
        circuit.failed();
        assertThat(circuit.isOpen()).isTrue();
    }

    @Test
    void anOpenCircuitLetsOneTrialThroughOnceItHasBeenOpenLongEnough() {
        openIt();
        assertThat(circuit.refusal()).isEqualTo(Duration.ofSeconds(30));

        clock.advance(Duration.ofSeconds(30));
        assertThat(circuit.refusal()).isZero();
        assertThat(circuit.refusal()).isPositive();

        circuit.succeeded();
        assertThat(circuit.isOpen()).isFalse();
        assertThat(circuit.refusal()).isZero();
    }

    @Test
    void aTrialThatNeverReportsDoesNotKeepTheCircuitShutForGood() {
        openIt();
        clock.advance(Duration.ofSeconds(30));
        assertThat(circuit.refusal()).isZero();

        // The trial's thread died without saying how it went.
        clock.advance(Duration.ofSeconds(29));
        assertThat(circuit.refusal()).isPositive();
        clock.advance(Duration.ofSeconds(1));
        assertThat(circuit.refusal()).isZero();
    }

    @Test
    void anAbandonedTrialLetsTheNextOneGoAtOnce() {
        openIt();
        clock.advance(Duration.ofSeconds(30));
        assertThat(circuit.refusal()).isZero();

        circuit.abandoned();

        assertThat(circuit.refusal()).isZero();
    }

    @Test
    void aFailedTrialOpensTheCircuitForAnotherPeriod() {
        openIt();
        clock.advance(Duration.ofSeconds(30));
        assertThat(circuit.refusal()).isZero();

        circuit.failed();

        assertThat(circuit.refusal()).isEqualTo(Duration.ofSeconds(30));
    }
}
