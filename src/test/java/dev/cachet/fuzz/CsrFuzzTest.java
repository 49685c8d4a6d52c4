package dev.cachet.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cachet.core.CachetException;
import dev.cachet.csr.CsrParser;
import dev.cachet.csr.ParsedCsr;
import dev.cachet.policy.Identifiers;
import dev.cachet.policy.KeyPolicy;

/** CSR parsing (DER) and the checks a CSR meets before issuance: names, key policy, signature. */
class CsrFuzzTest {
    private static final KeyPolicy KEYS = new KeyPolicy(true);

    @FuzzTest
    void csr(byte[] der) {
        try {
            ParsedCsr csr = CsrParser.parse(der);
            csr.names().forEach(name -> Identifiers.parse(name.toString()));
            KEYS.check(csr.publicKey());
        } catch (CachetException expected) {
            // Cachet's typed error: the only acceptable outcome for bad input.
        }
    }
}
