package dev.cachet.probe;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** The roots the JDK trusts by default (its cacerts, or javax.net.ssl.trustStore), for a probe without --trust. */
public final class JdkRoots {

    private JdkRoots() {
    }

    /** @return the JDK's trusted root certificates */
    public static List<X509Certificate> load() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            List<X509Certificate> roots = new ArrayList<>();
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager) {
                    roots.addAll(List.of(((X509TrustManager) manager).getAcceptedIssuers()));
                }
            }
            return roots;
        } catch (GeneralSecurityException e) {
            throw new CachetException(ErrorType.IO, "cannot read the JDK's trusted roots: " + e.getMessage(), e);
        }
    }
}
