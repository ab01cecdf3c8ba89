/** JUnit 5 support: one shared, lazily started athena-local per test JVM. */
package ai.connecty.athena.local.junit;
