/**
 * The ACME web front end (Boulder's WFE): routes, the request pipeline (content type, JWS, nonce,
 * problem documents) and the JSON of each resource. Calls the services of {@code dev.cachet.acme}.
 */
package dev.cachet.server.acme;
