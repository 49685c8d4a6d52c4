/**
 * Trust stores, the way mkcert does it: a CA's root put where clients look for trusted roots, the
 * Debian/Ubuntu system store ({@code update-ca-certificates}), the NSS databases Chromium and
 * Firefox read ({@code certutil}) and a Java truststore ({@code keytool}). Each store runs its tool
 * through {@link dev.cachet.trust.ToolRunner}; nothing here prints.
 */
package dev.cachet.trust;
