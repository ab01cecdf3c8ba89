/**
 * One HTTP port for every service. Built on the JDK's own {@code com.sun.net.httpserver} (HTTP and HTTPS),
 * so athena-local needs no web framework: requests are told apart by {@code X-Amz-Target} (Athena, Glue),
 * a form body (STS) or neither (S3), authenticated with SigV4, passed through the fault injector, handled,
 * logged, and answered in the wire format of the service they were for.
 */
package ai.connecty.athena.local.http;
