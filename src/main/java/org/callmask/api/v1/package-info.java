/**
 * The v1 API at {@code /api/v1}: services, their numbers, sessions and participants, in JSON with
 * snake_case fields, RFC 9457 problem details for every error, and keyset pagination. Controllers
 * read the request into domain values (collecting every invalid field), make one call into
 * {@code service}, {@code pool} or {@code session}, and map the answer; {@link
 * org.callmask.api.v1.Problems} chooses the wire wording of each domain exception.
 */
package org.callmask.api.v1;
