package dev.cachet.ca;

import java.math.BigInteger;
import java.util.function.Consumer;

/**
 * What a caller records about an issuance it asked for (an ACME order, an e-mail request), each in
 * the same transaction as the journal's step ({@link IssuanceJournal#together}), so that the
 * caller's record and the journal's never disagree and cost one commit.
 */
public interface IssuanceLinks {
    /** Links nothing. */
    IssuanceLinks NONE = new IssuanceLinks() {
    };

    /**
     * Links the reserved serial only.
     *
     * @param reserved called as {@link #reserved(BigInteger)}
     * @return the links
     */
    static IssuanceLinks onReserved(Consumer<BigInteger> reserved) {
        return new IssuanceLinks() {
            @Override
            public void reserved(BigInteger serial) {
                reserved.accept(serial);
            }
        };
    }

    /**
     * Called with the reservation, before the CA key signs: links the serial to the caller's
     * records, for recovery after a crash. If it throws, the reservation is not kept and nothing
     * is signed.
     *
     * @param serial the reserved serial
     */
    default void reserved(BigInteger serial) {
    }

    /**
     * Called with the record of the signed certificate. If it throws, that record is not kept
     * either: the certificate, never handed out, stays reserved until recovery marks it unissued.
     *
     * @param certificate the signed certificate
     */
    default void stored(IssuedCertificate certificate) {
    }
}
