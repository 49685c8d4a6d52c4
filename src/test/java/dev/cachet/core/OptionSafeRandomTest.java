package dev.cachet.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Random command-line values never start with '-', whatever the random bytes. */
public class OptionSafeRandomTest {

    /** @return a SecureRandom whose bytes all encode to '-' first in base64url */
    public static SecureRandom dashFirst() {
        return new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                Arrays.fill(bytes, (byte) 0xfb);
            }
        };
    }

    @Test
    void aLeadingDashBecomesALetterAndTheRestIsKept() {
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        assertThat(base64url.encodeToString(new byte[] {(byte) 0xfb})).startsWith("-");

        byte[] bytes = OptionSafeRandom.bytes(dashFirst(), 32);

        assertThat(base64url.encodeToString(bytes)).startsWith("e").hasSize(43);
        assertThat(Arrays.copyOfRange(bytes, 1, 32)).containsOnly((byte) 0xfb);
        assertThat(OptionSafeRandom.base64Url(dashFirst(), 16)).startsWith("e").hasSize(22);
    }

    @Test
    void otherValuesAreLeftAlone() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 1000; i++) {
            String value = OptionSafeRandom.base64Url(random, 16);
            assertThat(value).hasSize(22).doesNotStartWith("-").matches("[A-Za-z0-9_-]+");
        }
    }
}
