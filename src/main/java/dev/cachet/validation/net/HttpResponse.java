package dev.cachet.validation.net;

import java.nio.charset.StandardCharsets;

/**
 * What {@link HttpGet} read.
 *
 * @param status the status code
 * @param location the Location header, or null
 * @param body the body, at most the limit given to {@link HttpGet} (empty for a redirect)
 * @param bodyTooLarge whether the body had more bytes than the limit
 */
public record HttpResponse(int status, String location, byte[] body, boolean bodyTooLarge) {

    /** Copies the body. */
    public HttpResponse {
        body = body.clone();
    }

    /** @return a copy of the body */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** @return the body decoded as UTF-8, malformed bytes replaced */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return whether the status is a redirect that http-01 follows (301, 302, 303, 307, 308) */
    public boolean isRedirect() {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
}
