package dev.cachet.crypto;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The Bouncy Castle provider instance that Cachet hands to every JCA builder. It is passed
 * explicitly rather than installed with {@code Security.addProvider}, so that Cachet never
 * changes the JVM's global provider list.
 */
public final class Jca {

    private Jca() {
    }

    /** @return the shared, immutable Bouncy Castle provider */
    public static Provider provider() {
        return Holder.PROVIDER;
    }

    /** Creates the provider on first use only: building it costs a few hundred milliseconds. */
    private static final class Holder {
        private static final Provider PROVIDER = new BouncyCastleProvider();
    }
}
