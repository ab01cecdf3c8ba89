/**
 * Request validation shared by the Athena, Glue and STS slices: {@link ai.connecty.athena.local.validation.Validation}
 * states each model constraint once (value, member, constraint) and words violations as AWS does;
 * {@link ai.connecty.athena.local.validation.ValidationStyle} is what differs per service (the error that carries the
 * message, and which values it shows).
 */
package ai.connecty.athena.local.validation;
