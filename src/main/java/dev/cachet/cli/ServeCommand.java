package dev.cachet.cli;

import dev.cachet.server.CachetConfig;
import dev.cachet.server.CachetServer;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cachet serve}: runs the CA server until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the CA: REST API over HTTPS, OCSP/CRL/CA certificates over plain HTTP.",
            "With no options: a CA and an H2 database in ./cachet-data (created on first start),",
            "HTTPS on 127.0.0.1:8443 and HTTP on 127.0.0.1:8080."},
        footer = {"", "Every setting can also come from --config FILE or a CACHET_* environment variable;",
            "see the README's configuration section."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Mixin
    ServerOptions server;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "HTTPS listener (default 127.0.0.1:8443).")
    String listen;

    @Option(names = "--http-listen", paramLabel = "HOST:PORT",
            description = "Plain HTTP listener for OCSP, CRLs and CA certificates (default 127.0.0.1:8080).")
    String httpListen;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "External URL of the HTTP listener, written into issued certificates (AIA, CRL).")
    String baseUrl;

    @Option(names = "--resolver", paramLabel = "HOST:PORT",
            description = "DNS server for ACME validation and CAA (repeatable; default: /etc/resolv.conf).")
    java.util.List<String> resolvers;

    @Option(names = "--http01-port", paramLabel = "N", description = "Port http-01 validation connects to (80).")
    Integer http01Port;

    @Option(names = "--tlsalpn01-port", paramLabel = "N",
            description = "Port tls-alpn-01 validation connects to (443).")
    Integer tlsAlpn01Port;

    @Option(names = "--allow-private-targets",
            description = "Let validation reach loopback and private addresses and names such as *.test.")
    boolean allowPrivateTargets;

    @Option(names = "--smtp", paramLabel = "HOST:PORT",
            description = "SMTP server for e-mail validation of certificate requests (smtp.server).")
    String smtp;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> overrides = new LinkedHashMap<>();
        put(overrides, "listen", listen);
        put(overrides, "httpListen", httpListen);
        put(overrides, "baseUrl", baseUrl);
        put(overrides, "validation.resolvers", resolvers == null ? null : String.join(",", resolvers));
        put(overrides, "validation.http01Port", http01Port == null ? null : http01Port.toString());
        put(overrides, "validation.tlsAlpn01Port", tlsAlpn01Port == null ? null : tlsAlpn01Port.toString());
        put(overrides, "validation.allowPrivateTargets", allowPrivateTargets ? "true" : null);
        put(overrides, "smtp.server", smtp);
        CachetConfig config = server.load(overrides);
        CachetServer running = CachetServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "cachet-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Cachet %s the CA in %s%n", running.createdCa() ? "created" : "opened", config.data());
        out.printf("  HTTPS:        %s   (REST API: %s/api/v1)%n", running.httpsUrl(), running.httpsUrl());
        out.printf("  ACME:         %s/acme/directory%n", running.httpsUrl());
        out.printf("  HTTP:         %s   (OCSP, CRL, CA certificates)%n", running.httpUrl());
        out.printf("  root:         %s%n", running.rootCertificate().toAbsolutePath());
        out.printf("  root SHA-256: %s%n", running.rootFingerprint());
        out.printf("  CA keys:      %s%n", running.caKeyProtection());
        out.printf("  trust it:     curl --cacert %s %s/healthz%n", running.rootCertificate(), running.httpsUrl());
        out.printf("ready %s%n", running.httpsUrl());
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    private static void put(Map<String, String> overrides, String key, String value) {
        if (value != null) {
            overrides.put(key, value);
        }
    }
}
