/**
 * Enrolment outside ACME: API tokens and what they allow, and the use cases of the REST API
 * (issue, read, search, revoke). No HTTP here: the server's REST handlers call these services.
 */
package dev.cachet.enrolment;
