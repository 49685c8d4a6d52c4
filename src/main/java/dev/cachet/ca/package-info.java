/**
 * The certificate authority: profiles, the root/intermediate hierarchy, the CA folder on disk,
 * and leaf issuance (build, lint with a throwaway key, sign, check the signed TBS is the linted
 * one). This is the only package that touches issuer private keys.
 */
package dev.cachet.ca;
