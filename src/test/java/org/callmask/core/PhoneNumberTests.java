package org.callmask.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhoneNumberTests {

    @Test
    void acceptsE164NumbersOfAnyCountry() {
        assertThat(PhoneNumber.parse("+14155550123").region()).isEqualTo("US");
        assertThat(PhoneNumber.parse("+447700900123").region()).isEqualTo("GB");
        assertThat(PhoneNumber.parse(" +4915112345678 ").e164()).isEqualTo("+4915112345678");
        assertThat(PhoneNumber.parse("+15551231111\n").e164())
                .as("white space around is ignored")
                .isEqualTo("+15551231111");
        assertThat(PhoneNumber.parse("+15551231111").e164()).isEqualTo("+15551231111");
    }

    @Test
    void rejectsWhatIsNotAnE164Number() {
        for (String bad : new String[] {
            "",
            "+",
            "15551231111",
            "+1 555 123 1111",
            "+1-555-123-1111",
            "+15551231111\nX",
            "+1\u0665\u0665\u0665\u0663\u0663\u0663\u0660\u0660\u0661\u0660",
            "+999123456",
            "+1555",
            "+0123456789",
            "+1555123111122223333",
            "sip:alice@example.com"
        }) {
            assertThatThrownBy(() -> PhoneNumber.parse(bad))
                    .as(bad)
                    .isInstanceOf(InvalidPhoneNumber.class)
                    .hasMessageContaining("is not a valid E.164 formatted phone number");
        }
    }

    @Test
    void aStoredNumberIsCheckedForItsShapeOnly() {
        for (String good : new String[] {"+12", "+15551231111", "+999123456", "+123456789012345"}) {
            assertThat(new PhoneNumber(good).e164()).isEqualTo(good);
            assertThat(PhoneNumber.asStoredOrNull(good)).isEqualTo(new PhoneNumber(good));
        }
        for (String bad : new String[] {
            "",
            "+",
            "+1",
            "+01",
            "+0123",
            "1555123",
            "+1234567890123456",
            "+1555123111a",
            "+1555 1231",
            "+15551231111\n",
            "+1\u0665\u0665\u0665",
            "\uff0b1555123"
        }) {
            assertThatThrownBy(() -> new PhoneNumber(bad)).as(bad).isInstanceOf(InvalidPhoneNumber.class);
            assertThat(PhoneNumber.asStoredOrNull(bad)).as(bad).isNull();
        }
    }

    @Test
    void echoesControlCharactersEscapedInItsMessage() {
        assertThatThrownBy(() -> PhoneNumber.parse("+1555\r\nX-Injected: 1"))
                .hasMessageStartingWith("+1555\\u000d\\u000aX-Injected: 1 is not");
    }

    @Test
    void redactsTheMiddleForLogs() {
        assertThat(PhoneNumber.parse("+14155550123").redacted()).isEqualTo("+1415•••0123");
        assertThat(PhoneNumber.parse("+447700900123").redacted()).isEqualTo("+4477•••0123");
        assertThat(PhoneNumber.redact("+3224")).isEqualTo("•••");
        assertThat(PhoneNumber.redact(null)).isEqualTo("null");
        assertThat(PhoneNumber.redact("+35312345")).doesNotContain("12345");
    }

    @Test
    void redactsEveryNumberInAPath() {
        assertThat(PhoneNumber.redactAll("/api/rest/numberMask/+15559990000/x/%2B15558001234/12"))
                .isEqualTo("/api/rest/numberMask/+1555•••0000/x/%2B15•••1234/12");
    }

    @Test
    void redactsNumbersWrittenWithSeparatorsToo() {
        assertThat(PhoneNumber.redactAll("/api/rest/numberMask/+1-415-555-0123"))
                .doesNotContain("555")
                .endsWith("•••0123");
        assertThat(PhoneNumber.redactAll("/x/(415)%20555.0123/y"))
                .doesNotContain("555")
                .endsWith("/y");
        assertThat(PhoneNumber.redactAll("/api/v1/services/default/sessions/12"))
                .endsWith("/12");
    }
}
