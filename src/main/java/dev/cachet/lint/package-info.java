/**
 * Pre-issuance linting: each {@link dev.cachet.lint.LintRule} checks one RFC 5280 or Baseline
 * Requirements rule on a certificate signed with a throwaway key, before the real signature.
 */
package dev.cachet.lint;
