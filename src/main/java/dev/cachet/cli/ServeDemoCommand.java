package dev.cachet.cli;

import dev.cachet.crypto.Passphrases;
import dev.cachet.server.DemoSite;
import dev.cachet.server.HostPort;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cachet serve-demo}: a one-page HTTPS site with a given certificate, to open in a browser. */
@Command(name = "serve-demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve a one-page HTTPS site with a certificate and key, until Ctrl-C or SIGTERM.",
            "Open it in a browser (or with cachet probe) to see whether the certificate is trusted."},
        footer = {"", "Example:",
            "  cachet serve-demo --cert fullchain.pem --key key.pem --port 8444",
            "  chromium --host-resolver-rules='MAP site.test 127.0.0.1' https://site.test:8444/"})
final class ServeDemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Option(names = "--cert", required = true, paramLabel = "FILE",
            description = "The certificate chain (PEM): the certificate, then its intermediates, as fullchain.pem.")
    Path chain;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "The certificate's private key.")
    Path key;

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "The key's passphrase, if encrypted.")
    Path passphraseFile;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8444",
            description = "The port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on (default ${DEFAULT-VALUE}).")
    String bind;

    @Override
    public Integer call() throws InterruptedException {
        String host = bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
        HostPort address = HostPort.parse(host + ":" + port, "--bind and --port");
        char[] passphrase = passphraseFile == null ? null : Passphrases.read(passphraseFile);
        DemoSite site = DemoSite.start(chain, key, passphrase, address);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            site.close();
            stopped.countDown();
        }, "cachet-demo-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("serving %s with %s (Ctrl-C stops)%n", site.url(), chain);
        out.printf("ready %s%n", site.url());
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
