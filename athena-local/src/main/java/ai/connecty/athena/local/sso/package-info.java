/** IAM Identity Center's portal API: the GetRoleCredentials call behind the AWS SDK's SSO profiles. */
package ai.connecty.athena.local.sso;
