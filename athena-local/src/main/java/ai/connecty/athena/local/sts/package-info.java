/** STS over the AWS Query protocol (form in, XML out): AssumeRole, AssumeRoleWithWebIdentity and GetCallerIdentity. */
package ai.connecty.athena.local.sts;
