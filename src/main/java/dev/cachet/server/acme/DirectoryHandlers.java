package dev.cachet.server.acme;

import dev.cachet.acme.AcmeLinks;
import dev.cachet.acme.AcmeSettings;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** The directory (RFC 8555 §7.1.1) and newNonce (§7.2). */
final class DirectoryHandlers {
    private final AcmeLinks links;
    private final AcmeSettings settings;
    private final AcmeResponses responses;

    DirectoryHandlers(AcmeLinks links, AcmeSettings settings, AcmeResponses responses) {
        this.links = links;
        this.settings = settings;
        this.responses = responses;
    }

    void directory(Context ctx) {
        Map<String, Object> directory = new LinkedHashMap<>();
        directory.put("newNonce", links.newNonce());
        directory.put("newAccount", links.newAccount());
        directory.put("newOrder", links.newOrder());
        directory.put("revokeCert", links.revokeCert());
        directory.put("keyChange", links.keyChange());
        directory.put("renewalInfo", links.renewalInfo());
        Map<String, Object> meta = new LinkedHashMap<>();
        if (settings.termsOfService() != null) {
            meta.put("termsOfService", settings.termsOfService());
        }
        if (settings.website() != null) {
            meta.put("website", settings.website());
        }
        meta.put("caaIdentities", settings.caaIdentities());
        meta.put("externalAccountRequired", settings.externalAccountRequired());
        meta.put("profiles", settings.profileDescriptions());
        directory.put("meta", meta);
        responses.json(ctx, 200, directory);
    }

    /** HEAD answers 200 and GET 204, both with a nonce and no caching (§7.2). */
    void newNonce(Context ctx) {
        ctx.status("HEAD".equals(ctx.method().name()) ? 200 : 204);
    }
}
