package dev.cachet.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cachet.revocation.OcspResponder;
import dev.cachet.revocation.OcspSettings;
import dev.cachet.testing.StoredTestCa;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.cert.ocsp.OCSPResp;

/**
 * OCSP requests (RFC 6960 §4.1): whatever arrives, the responder answers with a well-formed OCSP
 * response (malformedRequest for garbage), never an exception.
 */
class OcspRequestFuzzTest {
    private static final StoredTestCa CA = StoredTestCa.create(Instant.parse("2026-11-27T10:00:00Z"));
    private static final OcspResponder RESPONDER = new OcspResponder(List.of(CA.issuer()), CA.certificates(),
            CA.clock(), OcspSettings.defaults());

    @FuzzTest
    void request(byte[] der) throws Exception {
        byte[] response = RESPONDER.respond(der);
        new OCSPResp(response);
    }
}
