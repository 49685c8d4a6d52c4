package dev.cachet.acme;

import dev.cachet.ca.IssuanceLinks;
import dev.cachet.ca.IssuanceRequest;
import dev.cachet.ca.IssuedCertificate;
import dev.cachet.ca.LeafIssuer;
import dev.cachet.ca.Profile;
import dev.cachet.ca.ProfileCatalog;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.csr.CsrParser;
import dev.cachet.csr.ParsedCsr;
import dev.cachet.policy.Identifiers;
import dev.cachet.store.acme.AcmeAccount;
import dev.cachet.store.acme.AcmeAuthorization;
import dev.cachet.store.acme.AcmeChallenge;
import dev.cachet.store.acme.AcmeOrder;
import dev.cachet.store.acme.AcmeOrderStore;
import dev.cachet.store.acme.ChallengeStatus;
import dev.cachet.store.acme.OrderStatus;
import dev.cachet.validation.ValidationAuthority;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Finalization (RFC 8555 §7.4): checks the CSR against the order, CAA for every name, then issues
 * at once, so that the response already carries the valid order when signing is quick.
 */
public final class FinalizeService {
    private final OrderService orders;
    private final AcmeOrderStore store;
    private final LeafIssuer issuer;
    private final ProfileCatalog profiles;
    private final ValidationAuthority validation;
    private final AcmeLinks links;
    private final AcmeSettings settings;

    /**
     * Creates the service.
     *
     * @param orders reads orders with their current status
     * @param store the order store
     * @param issuer signs certificates
     * @param profiles the certificate profiles
     * @param validation checks CAA
     * @param links the server's URLs (account URLs for CAA accounturi)
     * @param settings maps ACME profile names to certificate profiles
     */
    public FinalizeService(OrderService orders, AcmeOrderStore store, LeafIssuer issuer, ProfileCatalog profiles,
            ValidationAuthority validation, AcmeLinks links, AcmeSettings settings) {
        this.orders = orders;
        this.store = store;
        this.issuer = issuer;
        this.profiles = profiles;
        this.validation = validation;
        this.links = links;
        this.settings = settings;
    }

    /**
     * Finalizes an order.
     *
     * @param account the account
     * @param orderId the order
     * @param csrDer the CSR, DER
     * @return the order after issuance
     */
    public AcmeOrder finalizeOrder(AcmeAccount account, String orderId, byte[] csrDer) {
        AcmeOrder stored = orders.stored(account, orderId);
        List<AcmeAuthorization> authorizations = orders.authorizations(stored);
        AcmeOrder order = orders.current(stored, authorizations);
        if (order.status() != OrderStatus.READY) {
            throw new CachetException(ErrorType.ORDER_NOT_READY, "the order is "
                    + order.status().name().toLowerCase(Locale.ROOT) + ", not ready");
        }
        ParsedCsr csr = CsrParser.parseVerified(parseCsr(csrDer));
        checkNames(order, csr);
        if (SubjectPublicKeyInfo.getInstance(csr.publicKey()).equals(accountKey(account))) {
            throw new CachetException(ErrorType.BAD_CSR, "the CSR's key is the account key; use another key");
        }
        Profile profile = profiles.require(settings.profiles().get(order.profile()));
        checkKey(csr, profile);
        // RFC 8555 §6.6: checked again here, before CAA lookups; a refused order stays ready for a retry.
        orders.rateLimiter().checkIssuance(order);
        String accountUrl = links.account(account.id());
        for (AcmeAuthorization authorization : authorizations) {
            Identifier name = authorization.wildcard()
                    ? Identifier.dns("*." + authorization.identifier().value()) : authorization.identifier();
            if (name.type() == Identifier.Type.DNS) {
                validation.checkCaa(name, accountUrl, method(authorization));
            }
        }
        OrderIssuance links = new OrderIssuance(order);
        IssuedCertificate issued;
        try {
            issued = issuer.issue(new IssuanceRequest(csr.publicKey(), order.identifiers(), csr.commonName(),
                    profile, OptionalInt.empty()), accountUrl, links);
        } catch (CachetException e) {
            if (links.processing) {
                store.fail(order.id(), OrderStatus.PROCESSING, OrderProblems.of(e));
            }
            throw e;
        }
        return order.issued(issued.serial());
    }

    /**
     * The order's side of its issuance, in the journal's transactions: ready (stored as pending, or
     * as ready by older versions) to PROCESSING with the serial linked, in the reservation's (so a
     * crash leaves either a ready order, or a processing one whose serial recovery can look up);
     * VALID in the stored certificate's, so that the order is never failed once its certificate is
     * stored.
     */
    private final class OrderIssuance implements IssuanceLinks {
        private final AcmeOrder order;
        private volatile boolean processing;

        OrderIssuance(AcmeOrder order) {
            this.order = order;
        }

        @Override
        public void reserved(BigInteger serial) {
            if (!store.transition(order.id(), OrderStatus.PENDING, OrderStatus.PROCESSING)
                    && !store.transition(order.id(), OrderStatus.READY, OrderStatus.PROCESSING)) {
                throw new CachetException(ErrorType.ORDER_NOT_READY, "the order is being finalized already");
            }
            if (!store.attachCertificate(order.id(), serial)) {
                throw new CachetException(ErrorType.INTERNAL, "the order stopped processing before its"
                        + " certificate was signed (recovered as failed); create a new order");
            }
            processing = true;
        }

        @Override
        public void stored(IssuedCertificate certificate) {
            store.complete(order.id(), certificate.serial());
            orders.rateLimiter().issued(order);
        }
    }

    private static void checkNames(AcmeOrder order, ParsedCsr csr) {
        Set<Identifier> requested = new HashSet<>(csr.names());
        csr.commonName().flatMap(Identifiers::parseHost).ifPresent(requested::add);
        Set<Identifier> ordered = new HashSet<>(order.identifiers());
        if (!requested.equals(ordered)) {
            throw new CachetException(ErrorType.BAD_CSR, "the CSR names " + requested
                    + " but the order is for " + ordered);
        }
    }

    /**
     * The key is checked before the order moves to processing, so that a refused key leaves the
     * order ready for a CSR with another key; the problem is badCSR (RFC 8555 §7.4).
     */
    private void checkKey(ParsedCsr csr, Profile profile) {
        try {
            issuer.checkKey(csr.publicKey(), profile);
        } catch (CachetException e) {
            if (e.type() != ErrorType.BAD_PUBLIC_KEY) {
                throw e;
            }
            throw new CachetException(ErrorType.BAD_CSR, "the CSR's public key is refused: " + e.getMessage(), e);
        }
    }

    private static String method(AcmeAuthorization authorization) {
        return authorization.challenges().stream().filter(c -> c.status() == ChallengeStatus.VALID)
                .map(AcmeChallenge::type).findFirst().orElse("");
    }

    private static org.bouncycastle.pkcs.PKCS10CertificationRequest parseCsr(byte[] der) {
        try {
            return new org.bouncycastle.pkcs.PKCS10CertificationRequest(der);
        } catch (java.io.IOException | RuntimeException e) {
            throw new CachetException(ErrorType.BAD_CSR, "the csr field is not a DER PKCS#10 request", e);
        }
    }

    private static SubjectPublicKeyInfo accountKey(AcmeAccount account) {
        try {
            return SubjectPublicKeyInfo.getInstance(dev.cachet.acme.jws.JwsVerification.publicKey(
                    com.nimbusds.jose.jwk.JWK.parse(account.jwk())).getEncoded());
        } catch (java.text.ParseException e) {
            throw new CachetException(ErrorType.INTERNAL, "a stored account key does not parse", e);
        }
    }
}
