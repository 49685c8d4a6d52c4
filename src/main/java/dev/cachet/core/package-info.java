/**
 * Cachet's shared vocabulary: identifiers, the one error type and its categories, and the
 * daemon threads of periodic jobs.
 * Every other package may depend on this one; it depends on nothing in Cachet.
 */
package dev.cachet.core;
