package dev.cachet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A real authoritative DNS server for tests: Debian's Knot ({@code knotd}) as a child process in
 * the foreground, on 127.0.0.1 with a free port, its configuration, zone file and databases in a
 * folder of the test's. It serves one zone and accepts RFC 2136 dynamic updates signed with a
 * TSIG key (HMAC-SHA256) made for this run. Knot runs as the user that starts it (root on CI).
 */
public final class KnotServer implements AutoCloseable {
    /** The TSIG key's name. */
    public static final String KEY_NAME = "cachet-test-key.";
    /** The TSIG algorithm, as certbot's RFC 2136 plugin spells it. */
    public static final String ALGORITHM = "HMAC-SHA256";
    private static final String PROGRAM = "knotd";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final int PORT_ATTEMPTS = 5;
    private static Boolean installed;

    private final Process process;
    private final Path dir;
    private final String zone;
    private final int port;
    private final String secret;
    private final Thread shutdownHook;

    private KnotServer(Process process, Path dir, String zone, int port, String secret) {
        this.process = process;
        this.dir = dir;
        this.zone = zone;
        this.port = port;
        this.secret = secret;
        // A test JVM that dies without closing the server must not leave knotd running.
        this.shutdownHook = new Thread(process::destroyForcibly, "knotd-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Skips or fails the calling test when knotd is not installed ({@link ExternalTool}'s rule). */
    public static void require() {
        ExternalTool.require(PROGRAM, isInstalled());
    }

    /**
     * Starts Knot serving one zone, with an SOA, an NS record ({@code ns}, 127.0.0.1) and the
     * records given, and waits until it answers the zone's SOA over UDP and TCP.
     *
     * @param dir an empty folder for the configuration, the zone and Knot's databases
     * @param zone the zone, such as {@code dns.test}
     * @param records zone-file lines relative to the zone, such as {@code @ CAA 0 issue "ca.test"}
     * @return the running server
     */
    public static KnotServer start(Path dir, String zone, String... records) {
        require();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String secret = Base64.getEncoder().encodeToString(key);
        try {
            for (String folder : List.of("zones", "run", "db")) {
                Files.createDirectories(dir.resolve(folder));
            }
            Files.writeString(dir.resolve("zones").resolve(zone + ".zone"), zoneFile(zone, records));
            AssertionError last = null;
            for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
                int port = freeUdpAndTcpPort();
                Path config = Files.writeString(dir.resolve("knot.conf"), config(dir, zone, port, secret));
                Process process = new ProcessBuilder(PROGRAM, "-c", config.toString()).directory(dir.toFile())
                        .redirectErrorStream(true).redirectOutput(dir.resolve("knotd.log").toFile()).start();
                KnotServer server = new KnotServer(process, dir, zone, port, secret);
                try {
                    server.awaitReady();
                    return server;
                } catch (AssertionError e) {
                    server.close();
                    last = e;
                }
            }
            throw last;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the address to give a resolver or an RFC 2136 client */
    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /** @return {@code 127.0.0.1:PORT}, as {@code validation.resolvers} takes it */
    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    /** @return the TSIG key's secret, base64 */
    public String secret() {
        return secret;
    }

    /** @return Knot's log so far, for assertion messages */
    public String log() {
        try {
            return Files.readString(dir.resolve("knotd.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * Asks the server for records, over UDP.
     *
     * @param name the owner name
     * @param type the record type, such as {@code Type.TXT}
     * @return the answers, empty when there are none
     */
    public List<Record> query(String name, int type) {
        try {
            Lookup lookup = new Lookup(Name.fromString(name, Name.root), type);
            SimpleResolver resolver = new SimpleResolver(address());
            resolver.setTimeout(Duration.ofSeconds(2));
            lookup.setResolver(resolver);
            lookup.setCache(null);
            Record[] answers = lookup.run();
            return answers == null ? List.of() : List.of(answers);
        } catch (TextParseException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    /** @return the zone's SOA serial, which every applied dynamic update increases */
    public long serial() {
        List<Record> soa = query(zone, Type.SOA);
        if (soa.isEmpty()) {
            throw new AssertionError("no SOA for " + zone + "; knotd log:\n" + log());
        }
        return ((SOARecord) soa.get(0)).getSerial();
    }

    /** Stops Knot (SIGTERM, then SIGKILL after ten seconds). */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it stops knotd.
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("knotd exited with " + process.exitValue() + ":\n" + log());
            }
            if (answersSoa(false) && answersSoa(true)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("knotd did not answer on port " + port + " within " + START_TIMEOUT + ":\n"
                + log());
    }

    private boolean answersSoa(boolean tcp) {
        try {
            SimpleResolver resolver = new SimpleResolver(address());
            resolver.setTCP(tcp);
            resolver.setTimeout(Duration.ofMillis(500));
            Lookup lookup = new Lookup(Name.fromString(zone, Name.root), Type.SOA);
            lookup.setResolver(resolver);
            lookup.setCache(null);
            return lookup.run() != null;
        } catch (TextParseException e) {
            throw new IllegalArgumentException(zone, e);
        }
    }

    private static String zoneFile(String zone, String... records) {
        List<String> lines = new ArrayList<>(List.of("$ORIGIN " + zone + ".", "$TTL 60",
                "@ SOA ns." + zone + ". hostmaster." + zone + ". 1 3600 600 86400 60",
                "@ NS ns." + zone + ".", "ns A 127.0.0.1"));
        lines.addAll(List.of(records));
        return String.join("\n", lines) + "\n";
    }

    /** Everything in the test's folder; updates are kept in the journal only (no zone file rewrite). */
    private static String config(Path dir, String zone, int port, String secret) {
        Map<String, String> paths = Map.of("rundir", dir.resolve("run").toString(),
                "storage", dir.resolve("db").toString(), "zones", dir.resolve("zones").toString());
        return String.join("\n", "server:", "    rundir: \"" + paths.get("rundir") + "\"",
                "    listen: 127.0.0.1@" + port,
                "database:", "    storage: \"" + paths.get("storage") + "\"",
                "key:", "  - id: " + KEY_NAME, "    algorithm: hmac-sha256", "    secret: " + secret,
                "acl:", "  - id: tsig-update", "    key: " + KEY_NAME, "    action: update",
                "log:", "  - target: stderr", "    any: info",
                "template:", "  - id: default", "    storage: \"" + paths.get("zones") + "\"",
                "    zonefile-sync: -1", "    zonefile-load: whole", "    journal-content: changes",
                "zone:", "  - domain: " + zone, "    file: " + zone + ".zone", "    acl: tsig-update", "");
    }

    private static int freeUdpAndTcpPort() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 20; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
                try (ServerSocket tcp = new ServerSocket(udp.getLocalPort(), 1, loopback)) {
                    return tcp.getLocalPort();
                } catch (IOException taken) {
                    continue;
                }
            }
        }
        throw new IOException("no port free for both UDP and TCP on 127.0.0.1");
    }

    private static synchronized boolean isInstalled() {
        if (installed == null) {
            try {
                installed = Processes.run(Path.of("."), Duration.ofSeconds(30), Map.of(),
                        List.of(PROGRAM, "--version")).exitCode() == 0;
            } catch (AssertionError e) {
                installed = false;
            }
        }
        return installed;
    }
}
