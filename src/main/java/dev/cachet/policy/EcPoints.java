package dev.cachet.policy;

import java.math.BigInteger;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Checks that an EC public key is a real point of its named curve (NIST SP 800-56A §5.6.2.3.3,
 * full public key validation, as Boulder's goodkey does): coordinates in the field, on the curve,
 * not the point at infinity, and of the curve's order.
 *
 * <p>The order check (n·Q = O) is a full scalar multiplication, as costly as a signature. On a
 * curve of cofactor 1, such as P-256 and P-384, the group of points has the prime order n, so every
 * point on the curve passes it; §5.6.2.3.3 step 4 only matters when the cofactor is above 1, and is
 * done only then.
 */
final class EcPoints {

    private EcPoints() {
    }

    /**
     * Looks for a fault in the point of a key on a named curve.
     *
     * @param spki the key; its parameters are a named curve's OID
     * @return what is wrong, or empty for a valid point
     */
    static Optional<String> fault(SubjectPublicKeyInfo spki) {
        ASN1ObjectIdentifier oid = (ASN1ObjectIdentifier) spki.getAlgorithm().getParameters();
        // Bouncy Castle's custom curves (P-256, P-384, ...) do the same arithmetic many times faster.
        X9ECParameters custom = CustomNamedCurves.getByOID(oid);
        X9ECParameters curve = custom != null ? custom : ECNamedCurveTable.getByOID(oid);
        ECPoint point;
        try {
            // Bouncy Castle checks the coordinates' range and the curve equation while decoding.
            point = curve.getCurve().decodePoint(spki.getPublicKeyData().getOctets());
        } catch (IllegalArgumentException | ArithmeticException e) {
            return Optional.of("the EC public key is not a point of the curve");
        }
        if (point.isInfinity()) {
            return Optional.of("the EC public key is the point at infinity");
        }
        // With cofactor 1 (the NIST prime curves) every point of the curve is in that group, so the
        // costly n·Q = O test is only needed for other cofactors (NIST SP 800-56A Rev. 3 §5.6.2.3.3).
        if (!BigInteger.ONE.equals(curve.getH()) && !point.multiply(curve.getN()).isInfinity()) {
            return Optional.of("the EC public key is not in the curve's prime-order group");
        }
        return Optional.empty();
    }
}
