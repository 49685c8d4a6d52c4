package dev.cachet.cli;

import picocli.CommandLine.Command;

/** {@code cachet trust}: put a CA's root where clients look for trusted roots, as mkcert does. */
@Command(name = "trust", mixinStandardHelpOptions = true,
        description = {"Install a CA's root in the trust stores browsers and tools read, remove it, or show "
                + "where it is.",
            "Stores: the Debian/Ubuntu system store (update-ca-certificates, needs root), the NSS databases of "
                + "Chromium and Firefox (certutil, package libnss3-tools) and a Java truststore (keytool)."},
        subcommands = {TrustInstallCommand.class, TrustUninstallCommand.class, TrustStatusCommand.class})
final class TrustCommand {
}
