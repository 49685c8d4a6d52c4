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
        return forwarded(ctx).orElseGet(() -> canonical(ctx.req().getRemoteAddr()));
    }

    private Optional<String> forwarded(Context ctx) {
        String header = trustForwardedFor ? ctx.header("X-Forwarded-For") : null;
        if (header == null) {
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
