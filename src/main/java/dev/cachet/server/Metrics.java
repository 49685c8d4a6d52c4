package dev.cachet.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus metrics: request latency per route and status, certificates issued per profile,
 * revocations per reason, OCSP answers per status. Served at {@code /metrics}.
 */
final class Metrics {
    private static final String START = "cachet.requestStart";
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /** Counts an issued certificate. */
    void issued(String profile) {
        Counter.builder("cachet_certificates_issued").tag("profile", profile).register(registry).increment();
    }

    /** Counts a revocation. */
    void revoked(String reason) {
        Counter.builder("cachet_revocations").tag("reason", reason).register(registry).increment();
    }

    /** Counts an OCSP answer. */
    void ocsp(String status) {
        Counter.builder("cachet_ocsp_responses").tag("status", status).register(registry).increment();
    }

    /** Times every request of a listener and serves {@code /metrics} on it. */
    void register(RoutesConfig routes, String listener) {
        routes.before(ctx -> ctx.attribute(START, System.nanoTime()));
        routes.after(ctx -> record(ctx, listener));
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(registry.scrape()));
    }

    private void record(Context ctx, String listener) {
        Long start = ctx.attribute(START);
        if (start == null) {
            return;
        }
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        String route = endpoint == null ? "unmatched" : endpoint.path;
        Timer.builder("cachet_http_requests").tag("listener", listener).tag("method", ctx.method().name())
                .tag("route", route).tag("status", Integer.toString(ctx.statusCode())).register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
}
