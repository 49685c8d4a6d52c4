/**
 * The validation authority: proves control of a name for ACME (http-01, dns-01 and tls-alpn-01
 * challenges, RFC 8555 §8 and RFC 8737) and checks CAA (RFC 8659, RFC 8657) before issuance. It
 * knows nothing of ACME accounts or orders; it answers one question per call.
 */
package dev.cachet.validation;
