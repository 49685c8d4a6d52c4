package dev.cachet.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;

/**
 * The resources of an ACME directory (RFC 8555 §7.1.1) that the load generator uses.
 *
 * @param newNonce where nonces come from
 * @param newAccount where accounts are made
 * @param newOrder where orders are made
 */
record AcmeDirectory(URI newNonce, URI newAccount, URI newOrder) {

    /** Reads the directory. */
    static AcmeDirectory fetch(HttpClient http, URI url) {
        try {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(url).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            AcmeResponse response = new AcmeResponse(url, answer.statusCode(), answer.headers(), answer.body())
                    .require("directory");
            return new AcmeDirectory(response.link("newNonce"), response.link("newAccount"),
                    response.link("newOrder"));
        } catch (IOException e) {
            throw new CachetException(ErrorType.CONNECTION, url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CachetException(ErrorType.UNAVAILABLE, "interrupted", e);
        }
    }
}
