package dev.cachet.server;

import dev.cachet.enrolment.email.RequestDecisions;
import java.time.Clock;

/**
 * The operator's calls on certificate requests over a data folder's database, for the command line
 * (also while a server runs on it: an approval is issued by the server's next sweep).
 */
public final class RequestAdmin {
    private RequestAdmin() {
    }

    /**
     * The operator's use cases without a CA key: approving moves a request to APPROVED only.
     *
     * @param config the configuration
     * @param storage the opened database
     * @param clock the time source
     * @return the use cases
     */
    public static RequestDecisions decisions(CachetConfig config, Storage storage, Clock clock) {
        String publicUrl = config.publicUrl() != null ? config.publicUrl() : "https://" + config.listen();
        return new RequestDecisions(EmailEnrolment.context(config, publicUrl, storage, clock), null);
    }
}
