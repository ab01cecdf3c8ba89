/**
 * Who is calling and what they may do: SigV4 verification of every signed request, the identities of the
 * local account (long-term users, roles, and the sessions STS issues), and an IAM policy evaluator that is
 * small but follows IAM's rules (explicit deny wins, default deny, wildcards, a few condition operators).
 */
package ai.connecty.athena.local.auth;
