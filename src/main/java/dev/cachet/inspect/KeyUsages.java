package dev.cachet.inspect;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;

/** The bits of a keyUsage extension by their RFC 5280 §4.2.1.3 names. */
final class KeyUsages {
    private static final int[] BITS = {KeyUsage.digitalSignature, KeyUsage.nonRepudiation,
        KeyUsage.keyEncipherment, KeyUsage.dataEncipherment, KeyUsage.keyAgreement, KeyUsage.keyCertSign,
        KeyUsage.cRLSign, KeyUsage.encipherOnly, KeyUsage.decipherOnly};
    private static final String[] NAMES = {"digitalSignature", "nonRepudiation", "keyEncipherment",
        "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};

    private KeyUsages() {
    }

    /** @return the names of the bits set, in the order of the standard */
    static List<String> names(Extension extension) {
        KeyUsage usage = KeyUsage.getInstance(extension.getParsedValue());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < BITS.length; i++) {
            if (usage.hasUsages(BITS[i])) {
                names.add(NAMES[i]);
            }
        }
        return names;
    }
}
