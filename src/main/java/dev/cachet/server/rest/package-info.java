/**
 * The REST API under {@code /api/v1}: bearer-token authentication and one handler class per
 * resource, translating JSON to calls of {@link dev.cachet.enrolment.EnrolmentService}.
 */
package dev.cachet.server.rest;
