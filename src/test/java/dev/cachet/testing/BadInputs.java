package dev.cachet.testing;

import dev.cachet.crypto.Jca;
import dev.cachet.crypto.PemWriter;
import dev.cachet.crypto.PrivateKeys;
import dev.cachet.csr.CsrBuilder;
import dev.cachet.policy.Identifiers;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/** Makes bad inputs for tests: broken copies of valid PEM files, and well-formed files with weak keys. */
public final class BadInputs {

    private BadInputs() {
    }

    /**
     * Breaks the base64 in the middle of a PEM file, keeping its BEGIN and END lines.
     *
     * @param pem a valid PEM text
     * @return the text with characters that are not base64 in a middle line
     */
    public static String corruptBase64(String pem) {
        List<String> lines = new ArrayList<>(pem.lines().toList());
        int middle = lines.size() / 2;
        String line = lines.get(middle);
        lines.set(middle, line.substring(0, line.length() / 2) + "!?*" + line.substring(line.length() / 2));
        return String.join("\n", lines) + "\n";
    }

    /**
     * Cuts a PEM file before its END line, as an interrupted copy would.
     *
     * @param pem a valid PEM text
     * @return the text without its last line
     */
    public static String truncate(String pem) {
        List<String> lines = pem.lines().toList();
        return String.join("\n", lines.subList(0, lines.size() - 1)) + "\n";
    }

    /**
     * Decodes the first object of a PEM file.
     *
     * @param pem a valid PEM text
     * @return its DER bytes, what {@code openssl ... -outform DER} writes
     */
    public static byte[] der(String pem) {
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            PemObject object = reader.readPemObject();
            if (object == null) {
                throw new IllegalArgumentException("no PEM object in the text");
            }
            return object.getContent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Flips one bit in the signature of a CSR, leaving its structure intact.
     *
     * @param csrPem a valid CSR in PEM
     * @return the CSR with a signature that no longer verifies, in PEM
     */
    public static String withBrokenSignature(String csrPem) {
        CertificationRequest request = CertificationRequest.getInstance(der(csrPem));
        byte[] signature = request.getSignature().getOctets();
        byte[] broken = Arrays.copyOf(signature, signature.length);
        broken[broken.length - 1] ^= 0x01;
        CertificationRequest tampered = new CertificationRequest(request.getCertificationRequestInfo(),
                request.getSignatureAlgorithm(), new DERBitString(broken));
        return PemWriter.encode(PemWriter.CERTIFICATE_REQUEST, encoded(tampered));
    }

    /** @return a new 1024-bit RSA key pair, below the 2048 bits the Baseline Requirements demand */
    public static KeyPair rsa1024() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", Jca.provider());
            generator.initialize(1024, new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Encodes a key pair's private key as unencrypted PKCS#8 PEM.
     *
     * @param pair the key pair
     * @return the PEM text
     */
    public static String privateKeyPem(KeyPair pair) {
        return PrivateKeys.toPem(pair.getPrivate(), null, new SecureRandom());
    }

    /**
     * Makes a correctly signed CSR for a key pair, with one DNS name as CN and SAN.
     *
     * @param pair the key pair, such as {@link #rsa1024()}
     * @param dnsName the name
     * @return the CSR in PEM
     */
    public static String csrPem(KeyPair pair, String dnsName) {
        PKCS10CertificationRequest csr = CsrBuilder.build(pair, new X500Name("CN=" + dnsName),
                List.of(Identifiers.dns(dnsName)));
        try {
            return PemWriter.encode(PemWriter.CERTIFICATE_REQUEST, csr.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encoded(CertificationRequest request) {
        try {
            return request.getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
