package dev.cachet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.crypto.PemDocument;
import dev.cachet.interop.CachetAcmeProvider;
import dev.cachet.testing.CachetClient;
import dev.cachet.testing.Http01Responder;
import dev.cachet.testing.TestDnsServer;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Http01Challenge;

/**
 * The issuance load of the crash test: REST clients with a token and an acme4j client, each in a
 * loop until stopped, carrying on through the server's deaths. Every certificate a client
 * receives is kept by serial (a second, different one for a serial is a duplicate), and every
 * ACME order placed is kept, to check after recovery that none is left processing.
 */
final class CrashLoad implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Between attempts while the server is down: it restarts in seconds. */
    private static final long RETRY_MILLIS = 100;

    private final Map<BigInteger, byte[]> received = new ConcurrentHashMap<>();
    private final List<BigInteger> duplicates = new CopyOnWriteArrayList<>();
    private final List<Order> orders = new CopyOnWriteArrayList<>();
    private final AtomicInteger restReceived = new AtomicInteger();
    private final AtomicInteger acmeReceived = new AtomicInteger();
    private final AtomicInteger names = new AtomicInteger();
    private final AtomicInteger finalizations = new AtomicInteger();
    private final ExecutorService workers = Executors.newFixedThreadPool(3);
    private final CachetClient rest;
    private final Session session;
    private final TestDnsServer dns;
    private final Http01Responder http01;
    private volatile boolean running = true;

    private CrashLoad(CachetClient rest, Session session, TestDnsServer dns, Http01Responder http01) {
        this.rest = rest;
        this.session = session;
        this.dns = dns;
        this.http01 = http01;
    }

    /**
     * Starts two REST clients and one ACME client.
     *
     * @param httpsUrl the server's HTTPS URL (its port is the same at every restart)
     * @param root the root certificate file
     * @param token the REST token's secret
     * @param dns the DNS server the Cachet server validates through
     * @param http01 the http-01 responder on the port the Cachet server validates
     * @return the running load
     */
    static CrashLoad start(String httpsUrl, Path root, String token, TestDnsServer dns, Http01Responder http01) {
        Session session = new Session(URI.create(httpsUrl + "/acme/directory"), new CachetAcmeProvider(root));
        session.networkSettings().setTimeout(Duration.ofSeconds(5));
        CrashLoad load = new CrashLoad(CachetClient.trusting(httpsUrl, root).withToken(token), session, dns, http01);
        load.workers.submit(load::restLoop);
        load.workers.submit(load::restLoop);
        load.workers.submit(load::acmeLoop);
        return load;
    }

    /** @return every certificate received, DER by serial */
    Map<BigInteger, byte[]> received() {
        return Map.copyOf(received);
    }

    /** @return serials received twice with different certificates */
    List<BigInteger> duplicates() {
        return List.copyOf(duplicates);
    }

    /** @return every ACME order placed */
    List<Order> orders() {
        return List.copyOf(orders);
    }

    /** @return how many certificates were received so far */
    int receivedCount() {
        return restReceived.get() + acmeReceived.get();
    }

    /** @return how many ACME orders were about to be finalized so far */
    int finalizationCount() {
        return finalizations.get();
    }

    /** @return certificates received through REST and through ACME */
    String receivedSummary() {
        return received.size() + " (REST " + restReceived.get() + ", ACME " + acmeReceived.get() + ")";
    }

    /** Stops the clients, waiting for the requests under way. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        workers.shutdown();
        if (!workers.awaitTermination(60, TimeUnit.SECONDS)) {
            workers.shutdownNow();
            throw new AssertionError("the load did not stop within 60 s");
        }
    }

    private void restLoop() {
        while (running) {
            try {
                CachetClient.Reply reply = rest.postJson("/api/v1/certificates", CachetClient.json(Map.of("csr",
                        CachetClient.csr("r" + names.incrementAndGet() + ".crash.test"))));
                if (reply.status() == 201) {
                    JsonNode body = reply.json();
                    keep(new BigInteger(body.path("serial").asText(), 16), PemDocument.parse(body.path("certificate")
                            .asText().getBytes(StandardCharsets.US_ASCII), "REST reply").certificate().getEncoded());
                    restReceived.incrementAndGet();
                    continue;
                }
            } catch (Exception | AssertionError e) {
                // The server died under the request, or is restarting: try again.
            }
            pause();
        }
    }

    private void acmeLoop() {
        Login login = null;
        while (running) {
            try {
                if (login == null) {
                    login = new AccountBuilder().agreeToTermsOfService().useKeyPair(ecKey()).createLogin(session);
                }
                order(login);
                continue;
            } catch (Exception e) {
                // The server died during the order, or is restarting: place a new one.
            }
            pause();
        }
    }

    private void order(Login login) throws Exception {
        String name = "a" + names.incrementAndGet() + ".crash.test";
        dns.addA(name, "127.0.0.1");
        Order order = login.newOrder().domain(name).create();
        orders.add(order);
        for (Authorization authorization : order.getAuthorizations()) {
            Http01Challenge challenge = authorization.findChallenge(Http01Challenge.class).orElseThrow();
            http01.answer(challenge.getToken(), challenge.getAuthorization());
            challenge.trigger();
            authorization.waitForCompletion(WAIT);
        }
        order.waitUntilReady(WAIT);
        finalizations.incrementAndGet();
        order.execute(ecKey());
        if (order.waitForCompletion(WAIT) == Status.VALID) {
            org.shredzone.acme4j.Certificate download = order.getCertificate();
            download.download();
            X509Certificate certificate = download.getCertificate();
            keep(certificate.getSerialNumber(), certificate.getEncoded());
            acmeReceived.incrementAndGet();
        }
    }

    private void keep(BigInteger serial, byte[] der) {
        byte[] before = received.putIfAbsent(serial, der);
        if (before != null && !java.util.Arrays.equals(before, der)) {
            duplicates.add(serial);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static KeyPair ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
