/**
 * {@code cachet inspect}: reads a PEM or DER file (certificates, chains, CSRs, CRLs, private and
 * public keys) and describes each object as an ordered tree of fields, which renders both as
 * aligned text for people and as JSON for tools. The {@link dev.cachet.inspect.Inspector} is the
 * entry point; there is one describer per kind of object. Private key material never enters a
 * description.
 */
package dev.cachet.inspect;
