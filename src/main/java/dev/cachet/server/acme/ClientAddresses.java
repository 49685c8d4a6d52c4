package dev.cachet.server.acme;

import com.google.common.net.InetAddresses;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The IP address of the client of a request, which new accounts are rate-limited by: the
 * connection's remote address, or, behind a reverse proxy that is trusted to append it, the last
 * address of {@code X-Forwarded-For} (the one that proxy saw; earlier ones are the client's claims).
 */
public final class ClientAddresses {
    private final boolean trustForwardedFor;

    /**
     * Creates the resolver.
     *
     * @param trustForwardedFor whether {@code X-Forwarded-For} is set by a trusted proxy
     */
    public ClientAddresses(boolean trustForwardedFor) {
        this.trustForwardedFor = trustForwardedFor;
    }

    /**
     * The client's address.
     *
     * @param ctx the request
     * @return the address in canonical text form
     */
    String of(Context ctx) {
        return of(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
    }

    /**
     * The client's address.
     *
     * @param remoteAddress the connection's remote address
     * @param forwardedFor the {@code X-Forwarded-For} header, or null
     * @return the address in canonical text form
     */
    String of(String remoteAddress, String forwardedFor) {
        return forwarded(forwardedFor).orElseGet(() -> canonical(remoteAddress));
    }

    private Optional<String> forwarded(String header) {
        if (!trustForwardedFor || header == null) {
            return Optional.empty();
        }
        String last = header.substring(header.lastIndexOf(',') + 1).strip();
        return InetAddresses.isInetAddress(last) ? Optional.of(canonical(last)) : Optional.empty();
    }

    /** One text per address ({@code ::1} and {@code 0:0:0:0:0:0:0:1} are one client). */
    private static String canonical(String address) {
        return InetAddresses.isInetAddress(address) ? InetAddresses.toAddrString(InetAddresses.forString(address))
                : address;
    }
}
