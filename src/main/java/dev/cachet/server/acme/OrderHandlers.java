package dev.cachet.server.acme;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.acme.AcmeCertificates;
import dev.cachet.acme.AcmeLinks;
import dev.cachet.acme.FinalizeService;
import dev.cachet.acme.NewOrderRequest;
import dev.cachet.acme.OrderService;
import dev.cachet.acme.jws.VerifiedRequest;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.acme.AcmeOrder;
import dev.cachet.store.acme.OrderStatus;
import io.javalin.http.Context;
import java.math.BigInteger;

/** newOrder, order reads, finalize and certificate download (RFC 8555 §7.4). */
final class OrderHandlers {
    private final OrderService orders;
    private final FinalizeService finalizer;
    private final AcmeCertificates certificates;
    private final AcmeLinks links;
    private final AcmeJson json;
    private final AcmeResponses responses;

    OrderHandlers(OrderService orders, FinalizeService finalizer, AcmeCertificates certificates, AcmeLinks links,
            AcmeJson json, AcmeResponses responses) {
        this.orders = orders;
        this.finalizer = finalizer;
        this.certificates = certificates;
        this.links = links;
        this.json = json;
        this.responses = responses;
    }

    void newOrder(Context ctx, VerifiedRequest request) {
        AcmeOrder order = orders.newOrder(request.requireAccount(), Payloads.read(request, NewOrderRequest.class));
        ctx.header("Location", links.order(order.id()));
        responses.json(ctx, 201, json.order(order));
    }

    void order(Context ctx, VerifiedRequest request) {
        Payloads.requirePostAsGet(request);
        AcmeOrder order = orders.find(request.requireAccount(), ctx.pathParam("id"));
        retryAfter(ctx, order);
        responses.json(ctx, 200, json.order(order));
    }

    void finalizeOrder(Context ctx, VerifiedRequest request) {
        JsonNode payload = Payloads.tree(request);
        byte[] csr = Payloads.base64url(payload, "csr");
        AcmeOrder order = finalizer.finalizeOrder(request.requireAccount(), ctx.pathParam("id"), csr);
        ctx.header("Location", links.order(order.id()));
        retryAfter(ctx, order);
        responses.json(ctx, 200, json.order(order));
    }

    void certificate(Context ctx, VerifiedRequest request) {
        download(ctx, request, false);
    }

    void alternateCertificate(Context ctx, VerifiedRequest request) {
        download(ctx, request, true);
    }

    /** Either chain, each linking to the other as its alternate (RFC 8555 §7.4.2). */
    private void download(Context ctx, VerifiedRequest request, boolean alternate) {
        Payloads.requirePostAsGet(request);
        BigInteger serial;
        try {
            serial = new BigInteger(ctx.pathParam("serial"), 16);
        } catch (NumberFormatException e) {
            throw new CachetException(ErrorType.NOT_FOUND, "no such certificate");
        }
        String chain = certificates.chain(request.requireAccount(), serial, alternate);
        String other = alternate ? links.certificate(serial) : links.alternateCertificate(serial);
        AcmeResponses.link(ctx, other, "alternate");
        ctx.status(200).contentType("application/pem-certificate-chain").result(chain);
    }

    /** A short Retry-After while the order moves, so that clients poll soon rather than in seconds. */
    private static void retryAfter(Context ctx, AcmeOrder order) {
        if (order.status() == OrderStatus.PROCESSING) {
            ctx.header("Retry-After", "1");
        }
    }
}
