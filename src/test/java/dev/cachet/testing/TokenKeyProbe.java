package dev.cachet.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;

/**
 * Run in a process of its own (SoftHSM reads {@code SOFTHSM2_CONF} when it loads): opens a token
 * as an attacker with the PIN would, and writes what it learns of one key to a file: how
 * SunPKCS11 describes it and whether its encoding can be read out.
 */
public final class TokenKeyProbe {

    private TokenKeyProbe() {
    }

    /**
     * Probes one key.
     *
     * @param args the SunPKCS11 configuration file, the PIN, the key's alias, the report file
     */
    public static void main(String[] args) throws Exception {
        Provider provider = Security.getProvider("SunPKCS11").configure(args[0]);
        KeyStore store = KeyStore.getInstance("PKCS11", provider);
        store.load(null, args[1].toCharArray());
        Key key = store.getKey(args[2], null);
        String report = key == null ? "no key" : key + "\nencoded: " + (key.getEncoded() == null ? "none" : "readable");
        write(Path.of(args[3]), report);
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
    }
}
