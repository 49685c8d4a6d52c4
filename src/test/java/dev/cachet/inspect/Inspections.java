package dev.cachet.inspect;

import dev.cachet.testing.PkiFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/** Runs the inspector on test data. */
final class Inspections {

    private Inspections() {
    }

    /** @return the description of PEM text, judged at {@link PkiFixtures#NOW} */
    static Inspection pem(String text) {
        return of(text.getBytes(StandardCharsets.US_ASCII), PkiFixtures.clock());
    }

    /** @return the description of PEM text, judged at the given time */
    static Inspection at(String text, Instant now) {
        return of(text.getBytes(StandardCharsets.US_ASCII), PkiFixtures.at(now));
    }

    /** @return the description of a file's bytes, judged by the clock */
    static Inspection of(byte[] data, Clock clock) {
        return new Inspector(clock).inspect(data, "test.pem", null);
    }

    /** @return the only object of PEM text */
    static Description single(String text) {
        Inspection inspection = pem(text);
        if (inspection.objects().size() != 1) {
            throw new AssertionError("expected one object, found " + inspection.objects().size());
        }
        return inspection.objects().get(0);
    }

    /** @return a field's value, failing when it is absent */
    static Object value(Description description, String key) {
        return description.value(key).orElseThrow(() -> new AssertionError("no field " + key));
    }

    /** @return the field with this key, failing when it is absent */
    static Field field(Description description, String key) {
        return description.fields().stream().filter(f -> key.equals(f.key())).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + key));
    }
}
