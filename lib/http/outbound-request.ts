import { validateHeaderName, validateHeaderValue } from "node:http";

/** An HTTP request to a user-given URL, as an API call node or a delivery attempt makes it. */
export type OutboundRequest = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** Deadline for the whole exchange: DNS, connect, response headers and body. */
  timeoutMs: number;
};

/** The request side of an exchange, as it is sent and recorded. */
export type RequestRecord = {
  method: string;
  /** Without credentials, so it can be logged. */
  url: string;
  headers: Record<string, string>;
  body: Buffer | null;
};

/** What could be wrong with a request before anything is sent. */
export type RequestProblem = {
  reason: "invalid_url" | "unsupported_protocol" | "invalid_request";
  message: string;
};

export type PreparedRequest =
  | { ok: true; record: RequestRecord; target: URL }
  | { ok: false; record: RequestRecord; problem: RequestProblem };

const USER_AGENT = "Switchyard";

// The client frames the message and names the host itself; letting configuration set these
// would allow request smuggling or a Host that disagrees with the address that was checked.
const CLIENT_OWNED_HEADERS = new Set(["host", "content-length", "transfer-encoding"]);

const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Checks an outbound request and turns it into what goes on the wire: the method upper-cased,
 * a `user-agent` unless one is given, `content-length` for a body, and credentials in the URL
 * moved into an `authorization` header so that the recorded URL does not carry them.
 *
 * @example
 * const prepared = prepareOutboundRequest({ method: "get", url, headers: {}, timeoutMs: 5000 });
 * if (!prepared.ok) return prepared.problem.reason; // "invalid_url", ...
 */
export function prepareOutboundRequest(request: OutboundRequest): PreparedRequest {
  const body = request.body === undefined ? null : Buffer.from(request.body);
  const headers = withClientHeaders(request.headers, body);
  const record = { method: request.method.toUpperCase(), url: request.url, headers, body };

  const target = parseTarget(request.url);
  if (!target.ok) return { ok: false, record, problem: target.problem };

  const prepared = moveCredentialsToHeader(record, target.url);
  const problem = findHeaderProblem(request.headers) ?? findMethodProblem(record.method);
  return problem ? { ok: false, record: prepared.record, problem } : prepared;
}

function parseTarget(url: string): { ok: true; url: URL } | { ok: false; problem: RequestProblem } {
  if (!URL.canParse(url)) {
    return { ok: false, problem: { reason: "invalid_url", message: "Not a valid URL" } };
  }

  const parsed = new URL(url);
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    const message = `Only http: and https: URLs are supported, not ${parsed.protocol}`;
    return { ok: false, problem: { reason: "unsupported_protocol", message } };
  }
  return { ok: true, url: parsed };
}

function withClientHeaders(
  given: Record<string, string>,
  body: Buffer | null,
): Record<string, string> {
  const headers = { ...given };
  if (!hasHeader(given, "user-agent")) headers["user-agent"] = USER_AGENT;
  if (body !== null) headers["content-length"] = String(body.length);
  return headers;
}

function findHeaderProblem(headers: Record<string, string>): RequestProblem | null {
  for (const [name, value] of Object.entries(headers)) {
    if (CLIENT_OWNED_HEADERS.has(name.toLowerCase())) {
      return { reason: "invalid_request", message: `The ${name} header is set by the client` };
    }
    try {
      // Node's own checks, so that a header with CR or LF is refused here as a value
      // instead of being thrown from inside http.request.
      validateHeaderName(name);
      validateHeaderValue(name, value);
    } catch {
      const message = `The ${JSON.stringify(name)} header has an invalid name or value`;
      return { reason: "invalid_request", message };
    }
  }
  return null;
}

function findMethodProblem(method: string): RequestProblem | null {
  if (HTTP_TOKEN.test(method)) return null;
  return { reason: "invalid_request", message: `${JSON.stringify(method)} is not an HTTP method` };
}

/**
 * Removes `user:password@` from the URL and sends it as Basic authorization instead, which is
 * what it means, so that the recorded URL carries no credentials. Percent-escapes that do not
 * decode are sent as written.
 */
function moveCredentialsToHeader(
  record: RequestRecord,
  target: URL,
): { ok: true; record: RequestRecord; target: URL } {
  if (target.username === "" && target.password === "") {
    return { ok: true, record: { ...record, url: target.href }, target };
  }

  const credentials = `${decodeComponent(target.username)}:${decodeComponent(target.password)}`;
  const stripped = new URL(target.href);
  stripped.username = "";
  stripped.password = "";

  // An explicit Authorization header is the more deliberate choice, so it wins.
  const headers = hasHeader(record.headers, "authorization")
    ? record.headers
    : { ...record.headers, authorization: `Basic ${Buffer.from(credentials).toString("base64")}` };
  return { ok: true, record: { ...record, url: stripped.href, headers }, target: stripped };
}

function decodeComponent(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component;
  }
}

function hasHeader(headers: Record<string, string>, lowerCasedName: string): boolean {
  return Object.keys(headers).some((name) => name.toLowerCase() === lowerCasedName);
}
