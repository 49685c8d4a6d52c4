/**
 * Cachet's shared vocabulary: identifiers, the one error type and its categories.
 * Every other package may depend on this one; it depends on nothing in Cachet.
 */
package dev.cachet.core;
