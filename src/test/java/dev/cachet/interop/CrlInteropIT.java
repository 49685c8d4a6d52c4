package dev.cachet.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.ca.IssuedCertificate;
import dev.cachet.core.RevocationReason;
import dev.cachet.crypto.PemWriter;
import dev.cachet.revocation.CrlService;
import dev.cachet.revocation.CrlSettings;
import dev.cachet.revocation.OcspResponder;
import dev.cachet.revocation.OcspSettings;
import dev.cachet.revocation.RevocationService;
import dev.cachet.testing.InMemoryBlockedKeyStore;
import dev.cachet.testing.InMemoryAuditLog;
import dev.cachet.testing.OpenSslTool;
import dev.cachet.testing.StoredTestCa;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CRLs against the real openssl: it parses them and refuses a revoked leaf with -crl_check. */
class CrlInteropIT {
    @TempDir
    Path dir;

    @Test
    void opensslListsTheRevokedSerialAndRefusesOnlyTheRevokedLeaf() {
        OpenSslTool openssl = OpenSslTool.require();
        StoredTestCa ca = StoredTestCa.create(Instant.now());
        CrlService crls = new CrlService(ca.certificates(), ca.crls(), ca.clock(), CrlSettings.defaults());
        OcspResponder ocsp = new OcspResponder(List.of(ca.issuer()), ca.certificates(), ca.clock(),
                OcspSettings.defaults());
        RevocationService revoker = new RevocationService(ca.certificates(), new InMemoryBlockedKeyStore(),
                new InMemoryAuditLog(), crls, ocsp, List.of(ca.issuer()), ca.clock());
        IssuedCertificate revoked = ca.issue("revoked.example");
        IssuedCertificate valid = ca.issue("valid.example");
        InteropFiles.writeCa(dir, ca);
        InteropFiles.writeCertificate(dir.resolve("revoked.pem"), revoked.certificate());
        InteropFiles.writeCertificate(dir.resolve("valid.pem"), valid.certificate());
        crls.current(ca.issuer());

        revoker.revoke(revoked.serial(), RevocationReason.KEY_COMPROMISE, "test");
        byte[] crl = crls.current(ca.issuer());
        InteropFiles.write(dir.resolve("crl.der"), crl);
        InteropFiles.write(dir.resolve("crl.pem"), PemWriter.encode(PemWriter.CRL, crl)
                .getBytes(StandardCharsets.US_ASCII));

        OpenSslTool.Result text = openssl.run(dir, "crl", "-inform", "DER", "-in", "crl.der", "-text", "-noout");
        assertThat(text.exitCode()).as(text.output()).isZero();
        assertThat(text.stdout()).contains("Serial Number: " + opensslHex(revoked.serial()))
                .contains("Key Compromise").contains("X509v3 CRL Number").contains("2")
                .contains("X509v3 Authority Key Identifier").doesNotContain(opensslHex(valid.serial()));

        OpenSslTool.Result refused = verify(openssl, "revoked.pem");
        assertThat(refused.exitCode()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains("certificate revoked");
        OpenSslTool.Result accepted = verify(openssl, "valid.pem");
        assertThat(accepted.exitCode()).as(accepted.output()).isZero();
        assertThat(accepted.output()).contains("valid.pem: OK");
    }

    private OpenSslTool.Result verify(OpenSslTool openssl, String leaf) {
        return openssl.run(dir, "verify", "-crl_check", "-CRLfile", "crl.pem", "-CAfile",
                "root.pem", "-untrusted", "intermediate.pem", leaf);
    }

    /** How openssl prints a serial: the unsigned big-endian bytes in upper-case hex. */
    private static String opensslHex(BigInteger serial) {
        byte[] bytes = serial.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
