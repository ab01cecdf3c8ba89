/**
 * One HTTP port for every service. Built on the JDK's own {@code com.sun.net.httpserver} (HTTP and HTTPS),
 * so athena-local needs no web framework: requests are told apart by {@code X-Amz-Target} (Athena, Glue),
 * an unsigned {@code GET /federation/credentials} (IAM Identity Center's portal), a form body (STS) or none of
 * these (S3), authenticated with SigV4 (except the operations AWS serves unsigned:
 * {@link ServiceEndpoint#unsigned}), passed through the fault injector, handled, logged, and answered in the wire
 * format of the service they were for.
 */
package ai.connecty.athena.local.http;
