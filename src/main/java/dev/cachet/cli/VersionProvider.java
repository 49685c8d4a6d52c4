package dev.cachet.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = CachetCommand.class.getPackage().getImplementationVersion();
        return new String[] {"cachet " + (version == null ? "development build" : version)};
    }
}
