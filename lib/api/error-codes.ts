/**
 * The closed set of error codes the API and the inbound endpoint answer with, and the HTTP
 * status of each. Clients switch on `code`; messages are for people and may change.
 */
export const errorStatus = {
  unauthenticated: 401,
  signature_invalid: 401,
  /** An inbound request failed its workflow's verification (signature, credentials, token). */
  verification_failed: 401,
  forbidden: 403,
  cross_site_request: 403,
  not_found: 404,
  workflow_not_found: 404,
  workflow_inactive: 404,
  /** The test URL only answers while the editor listens for a test event. */
  test_listener_inactive: 404,
  method_not_allowed: 405,
  conflict: 409,
  setup_complete: 409,
  email_taken: 409,
  request_timeout: 408,
  invalid_json: 400,
  validation_failed: 400,
  /** A redaction setting names a body path that does not follow the path syntax. */
  redaction_path_invalid: 400,
  /** A replay would resend a header value the log redacted; supply the value or remove it. */
  redacted_header: 400,
  /** An imported workflow document is not one this installation can read (`details.reason`). */
  import_invalid: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  graph_invalid: 422,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
  /** The server sheds load: too many requests in flight. Retry after the Retry-After delay. */
  overloaded: 503,
  /** The workflow asks for verification it cannot perform, e.g. no secret is stored. */
  verification_misconfigured: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };

/** A JSON error response with the status that belongs to its code. */
export function errorResponse(
  code: ErrorCode,
  message: string,
  details?: unknown,
  headers?: HeadersInit,
): Response {
  const body: ErrorBody = {
    error: { code, message, ...(details === undefined ? {} : { details }) },
  };
  return Response.json(body, { status: errorStatus[code], headers });
}
