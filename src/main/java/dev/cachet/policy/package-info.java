/**
 * What Cachet accepts before it signs: key policy (sizes, curves, exponents) and the syntax of
 * the names it certifies. Rules cite the RFC or Baseline Requirements section they enforce.
 */
package dev.cachet.policy;
