import { redactHeaders } from "../secrets/redact";

/** The parts of an inbound request a run's trigger sees, besides its parsed body. */
export type TriggerRequest = {
  method: string;
  /** The path and query as received, e.g. "/hooks/abc?source=shop". */
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
};

/**
 * What a Webhook trigger outputs for a request, and templates read as `trigger`: the method,
 * the headers with credentials redacted, the query string as an object and the parsed body.
 */
export function inboundTriggerData(request: TriggerRequest, body: unknown) {
  const url = new URL(request.url, "http://inbound.invalid");
  return {
    method: request.method,
    headers: redactHeaders(request.headers),
    query: Object.fromEntries(url.searchParams),
    body,
  };
}
