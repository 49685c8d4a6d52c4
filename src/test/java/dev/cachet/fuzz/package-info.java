/**
 * Jazzer fuzz tests of the parsers that read untrusted input. Each target accepts only one
 * outcome for bad input: Cachet's own {@link dev.cachet.core.CachetException} (or, for OCSP, an
 * OCSP error response); any other exception, a hang or runaway memory is a finding. In
 * {@code mvn verify} they replay the committed inputs under
 * {@code src/test/resources/dev/cachet/fuzz/<Test>Inputs/<method>/}; {@code mvn -Pfuzz
 * -Dtest=<Test> test} fuzzes one target.
 */
package dev.cachet.fuzz;
