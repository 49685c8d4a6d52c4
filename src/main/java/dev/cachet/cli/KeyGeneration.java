package dev.cachet.cli;

import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import java.io.PrintWriter;
import java.security.KeyPair;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Generates a key, showing progress on a terminal while a slow one (large RSA) is made. */
final class KeyGeneration {
    private static final long TICK_MILLIS = 250;

    private KeyGeneration() {
    }

    static KeyPair generate(KeyPairFactory factory, KeyType type, PrintWriter err) {
        if (!type.isSlowToGenerate() || System.console() == null) {
            return factory.generate(type);
        }
        CompletableFuture<KeyPair> pending = CompletableFuture.supplyAsync(() -> factory.generate(type));
        err.print("Generating " + type + " key ");
        err.flush();
        try {
            while (true) {
                try {
                    KeyPair pair = pending.get(TICK_MILLIS, TimeUnit.MILLISECONDS);
                    err.println(" done");
                    return pair;
                } catch (TimeoutException e) {
                    err.print('.');
                    err.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating a key", e);
        } catch (ExecutionException e) {
            err.println();
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
                    : new IllegalStateException(e.getCause());
        }
    }
}
