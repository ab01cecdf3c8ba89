/** STS over the AWS Query protocol (form in, XML out): AssumeRole and GetCallerIdentity. */
package ai.connecty.athena.local.sts;
