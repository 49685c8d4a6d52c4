package dev.cachet.bench;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * One account's conversation with an ACME server: signed POSTs, each with the nonce of the previous
 * answer (RFC 8555 §6.5); a refused nonce is retried with the fresh one the refusal carries.
 * Not thread-safe: one session per worker.
 */
final class AcmeSession {
    private static final String JOSE = "application/jose+json";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int NONCE_ATTEMPTS = 3;

    private final HttpClient http;
    private final AcmeDirectory directory;
    private final AccountKey key;
    private Optional<URI> account = Optional.empty();
    private String nonce;

    AcmeSession(HttpClient http, AcmeDirectory directory, AccountKey key) {
        this.http = http;
        this.directory = directory;
        this.key = key;
    }

    AccountKey key() {
        return key;
    }

    /** Creates the account (RFC 8555 §7.3); later requests name it as {@code kid}. */
    void register() {
        AcmeResponse created = post(directory.newAccount(), "{\"termsOfServiceAgreed\":true}").require("newAccount");
        account = Optional.of(created.location());
    }

    /** A POST-as-GET (RFC 8555 §6.3). */
    AcmeResponse get(URI url) {
        return post(url, "");
    }

    AcmeResponse post(URI url, String payload) {
        for (int attempt = 1; ; attempt++) {
            AcmeResponse response = send(HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", JOSE)
                    .POST(HttpRequest.BodyPublishers.ofString(key.sign(url, nonce(), account, payload))).build());
            if (!response.isBadNonce() || attempt == NONCE_ATTEMPTS) {
                return response;
            }
        }
    }

    private String nonce() {
        if (nonce == null) {
            send(HttpRequest.newBuilder(directory.newNonce()).timeout(REQUEST_TIMEOUT)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        }
        if (nonce == null) {
            throw new CachetException(ErrorType.MALFORMED, directory.newNonce() + " gave no Replay-Nonce");
        }
        String current = nonce;
        nonce = null;
        return current;
    }

    private AcmeResponse send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            response.headers().firstValue("Replay-Nonce").ifPresent(fresh -> nonce = fresh);
            return new AcmeResponse(request.uri(), response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new CachetException(ErrorType.CONNECTION, request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CachetException(ErrorType.UNAVAILABLE, "interrupted", e);
        }
    }
}
