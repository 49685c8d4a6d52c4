package dev.cachet.inspect;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;

/** Names the objects Cachet does not describe in detail, such as the EC parameters before an EC key. */
final class OtherDescriber {

    /**
     * Describes an object that is no certificate, CSR, CRL or key.
     *
     * @param object the object as PEMParser returned it
     * @return a short description
     */
    Description describe(Object object) {
        if (object instanceof ASN1ObjectIdentifier) {
            ASN1ObjectIdentifier oid = (ASN1ObjectIdentifier) object;
            String name = ECNamedCurveTable.getName(oid);
            return new Description(Kind.EC_PARAMETERS, new Fields()
                    .add("curve", "curve", name == null ? oid.getId() : name).build());
        }
        if (object instanceof X9ECParameters) {
            return new Description(Kind.EC_PARAMETERS, new Fields()
                    .add("curve", "curve", "explicit parameters").build());
        }
        return new Description(Kind.OTHER, new Fields()
                .add("type", "type", object.getClass().getSimpleName(), object.getClass().getSimpleName()
                        + " (not described)").build());
    }
}
