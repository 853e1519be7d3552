package org.callmask.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublicIdTests {

    @Test
    void aRandomIdIsItsPrefixAndThirtyTwoHexDigits() {
        String id = PublicId.next("ses");

        assertThat(id).matches("ses_[0-9a-f]{32}");
        assertThat(PublicId.isValid("ses", id)).isTrue();
        assertThat(PublicId.isValid("par", id)).isFalse();
    }

    @Test
    void anIdIsValidOnlyWithItsPrefixAnUnderscoreAndThirtyTwoLowercaseHexDigits() {
        String digits = "0123456789abcdef0123456789abcdef";

        assertThat(PublicId.isValid("ses", "ses_" + digits)).isTrue();
        for (String bad : new String[] {
            "ses_" + digits.toUpperCase(Locale.ROOT),
            "ses_" + digits.substring(1),
            "ses_" + digits + "0",
            "ses-" + digits,
            "sesx" + digits,
            "se_" + digits + "0",
            "ses_" + digits.substring(1) + "g",
            "ses_" + digits.substring(1) + "\u0661",
            "ses_" + digits.substring(1) + "\n"
        }) {
            assertThat(PublicId.isValid("ses", bad)).as(bad).isFalse();
        }
        assertThat(PublicId.isValid("ses", null)).isFalse();
    }

    @Test
    void anIdInTimeOrderLeadsWithItsMillisecondsAndHasTheSameShape() {
        long at = Instant.parse("2026-11-29T11:00:00.123Z").toEpochMilli();

        String id = PublicId.nextInTimeOrder("int", at);

        assertThat(PublicId.isValid("int", id)).isTrue();
        assertThat(Long.parseLong(id.substring(4, 16), 16)).isEqualTo(at);
    }

    @Test
    void idsInTimeOrderSortByTimeAndDifferWithinOneMillisecond() {
        long at = Instant.parse("2026-11-29T11:00:00Z").toEpochMilli();

        assertThat(PublicId.nextInTimeOrder("int", at)).isLessThan(PublicId.nextInTimeOrder("int", at + 1));
        assertThat(PublicId.nextInTimeOrder("int", at + 1)).isLessThan(PublicId.nextInTimeOrder("int", at + 4096));
        Set<String> sameMillisecond = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            sameMillisecond.add(PublicId.nextInTimeOrder("int", at));
        }
        assertThat(sameMillisecond).as("80 random bits each").hasSize(1_000);
    }
}
