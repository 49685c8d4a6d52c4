/**
 * Server-rendered HTML pages for people (no JavaScript): the page where a domain's owner confirms
 * or rejects a certificate request validated by e-mail.
 */
package dev.cachet.server.web;
