package dev.cachet.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cachet.core.CachetException;
import dev.cachet.crypto.PemDocument;
import dev.cachet.inspect.Inspection;
import dev.cachet.inspect.Inspector;
import dev.cachet.inspect.JsonRenderer;
import dev.cachet.inspect.TextRenderer;
import java.time.Clock;

/** PEM and DER reading: certificates, chains, CSRs, keys (plain or encrypted) and CRLs. */
class PemDerFuzzTest {
    private static final Inspector INSPECTOR = new Inspector(Clock.systemUTC());
    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    @FuzzTest
    void pemDocument(byte[] data) {
        try {
            PemDocument document = PemDocument.parse(data, "fuzz.pem");
            document.kinds();
            document.certificates();
            document.crls();
        } catch (CachetException expected) {
            // Cachet's typed error: the only acceptable outcome for bad input.
        }
    }

    @FuzzTest
    void inspect(byte[] data) {
        try {
            Inspection inspection = INSPECTOR.inspect(data, "fuzz", PASSPHRASE);
            TextRenderer.render(inspection);
            JsonRenderer.render(inspection);
        } catch (CachetException expected) {
            // Cachet's typed error: the only acceptable outcome for bad input.
        }
    }
}
