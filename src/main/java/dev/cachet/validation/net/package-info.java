/**
 * The network helpers of the validation authority: a DNS client that asks only the configured
 * resolvers ({@link dev.cachet.validation.net.DnsClient}), the guard against private targets
 * ({@link dev.cachet.validation.net.TargetPolicy}), a connector that resolves, checks and connects
 * ({@link dev.cachet.validation.net.Connector}), a small HTTP/1.1 client
 * ({@link dev.cachet.validation.net.HttpGet}) and a deadline that bounds each validation. None
 * of them knows ACME; they know names, addresses and bytes.
 */
package dev.cachet.validation.net;
