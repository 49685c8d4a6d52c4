/**
 * HTTP plumbing shared by every listener: Jetty connectors (TLS 1.2+), request limits, and the
 * mapping of every error to an RFC 9457 problem document.
 */
package dev.cachet.server.http;
