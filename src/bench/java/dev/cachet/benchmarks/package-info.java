/**
 * JMH benchmarks of Cachet's hot paths, each beside the raw signature rate of the same key in the
 * same run (see docs/performance.md). Built only with the {@code bench} Maven profile.
 */
package dev.cachet.benchmarks;
