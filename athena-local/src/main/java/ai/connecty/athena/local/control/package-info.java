/**
 * The test-facing side of athena-local: the request log (who called what, allowed or denied) and fault
 * injection (latency, throttling, internal errors, truncated bodies, slow queries, short-lived credentials),
 * both reachable from Java and through the unsigned, loopback-only {@code /_athena-local/} endpoint.
 */
package ai.connecty.athena.local.control;
