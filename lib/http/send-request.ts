import "server-only";
import { request as requestHttp, type ClientRequest, type IncomingMessage } from "node:http";
import { request as requestHttps } from "node:https";
import { isIP, type Socket } from "node:net";

import type { ExchangeFailure } from "../api/views";
import { captureExchange, type CapturedExchange, type ReceivedResponse } from "./captured-exchange";
import { createGuardedLookup, type LookupFailure } from "./guarded-lookup";
import { classifyAddress, isAddressAllowed, type NetworkPolicy } from "./network-policy";
import {
  prepareOutboundRequest,
  type OutboundRequest,
  type RequestRecord,
} from "./outbound-request";

// What the SSRF guard covers: every address a host name resolves to, and IP literals in any
// spelling the URL parser accepts (it normalises 0x7f000001, 2130706433 and 127.1), are
// classified before a socket opens, and the socket connects only to a checked address.
// Redirects are never followed, so a 3xx cannot lead anywhere unchecked.
//
// What it does not cover yet:
// - Ports are not restricted: a public host can be reached on any port, SMTP included.
// - A public address that forwards inward (an open proxy, a NAT hairpin, a cloud endpoint
//   numbered in public space other than those in the table) passes as public.
// - Proxies: none are used (node:http ignores HTTP_PROXY). Adding one moves the connection to
//   the proxy, and this check would then have to happen there.
// - Each request gets its own connection (`agent: false`), because a pooled socket opened under
//   a looser policy could otherwise be reused; the cost is a fresh TCP and TLS handshake per
//   request.
// - Secrets in query strings or bodies are redacted only when passed in `secrets`.

export type { OutboundRequest } from "./outbound-request";

/** Limits and policy for one outbound request; configuration, never read from the env. */
export type SendRequestOptions = {
  policy: NetworkPolicy;
  /** Response bytes read before the exchange is cut off as `response_too_large`. */
  maxResponseBytes: number;
  /** Bytes of each body kept in the captured exchange. */
  maxStoredBodyBytes: number;
  /** Credential values to redact wherever they appear in the captured exchange. */
  secrets?: readonly string[];
  /** Milliseconds since the epoch; injected so tests can control timings. */
  now?: () => number;
};

export type OutboundFailureReason =
  | "invalid_url"
  | "unsupported_protocol"
  | "invalid_request"
  | "address_refused"
  | "dns_failed"
  | "timeout"
  | "connection_failed"
  | "response_too_large";

export type OutboundResponse = {
  status: number;
  /** Lower-cased names; repeated headers joined with ", ". Not redacted. */
  headers: Record<string, string>;
  body: string;
  bodyBytes: number;
};

/** Every outcome carries the exchange, so the caller can record refusals and failures too. */
export type OutboundResult =
  | { ok: true; response: OutboundResponse; exchange: CapturedExchange }
  | { ok: false; reason: OutboundFailureReason; message: string; exchange: CapturedExchange };

type Failure = { reason: OutboundFailureReason; message: string };

/** Milliseconds from the start of the exchange; null when it never got that far. */
type Timings = { connectMs: number | null; firstByteMs: number | null };

type Transmission = (
  | { failure: null; response: ReceivedResponse }
  | { failure: Failure; response: ReceivedResponse | null }
) & { timings: Timings };

const unmeasured: Timings = { connectMs: null, firstByteMs: null };

/**
 * Sends one HTTP request to a user-given URL through the SSRF guard, without following
 * redirects, within `timeoutMs` for the whole exchange, reading at most `maxResponseBytes` of
 * the response. Expected failures are values; every result carries the captured exchange,
 * redacted and capped, ready to be stored in the delivery log.
 *
 * @example
 * const headers = { "content-type": "application/json" };
 * const result = await sendRequest(
 *   { method: "POST", url, headers, body, timeoutMs: 10_000 },
 *   { policy, maxResponseBytes: 1_048_576, maxStoredBodyBytes: 65_536 },
 * );
 * if (!result.ok) return scheduleRetry(result.reason);
 */
export async function sendRequest(
  request: OutboundRequest,
  options: SendRequestOptions,
): Promise<OutboundResult> {
  const now = options.now ?? Date.now;
  const startedAtMs = now();

  const prepared = prepareOutboundRequest(request);
  const elapsed = () => now() - startedAtMs;
  const transmission: Transmission = prepared.ok
    ? await transmit(prepared.target, prepared.record, request.timeoutMs, options, elapsed)
    : { failure: prepared.problem, response: null, timings: unmeasured };

  const exchange = captureExchange(
    {
      record: prepared.record,
      response: transmission.response,
      error: transmission.failure?.message ?? null,
      failure: transmission.failure ? exchangeFailureOf(transmission.failure.reason) : null,
      startedAtMs,
      durationMs: elapsed(),
      ...transmission.timings,
    },
    { maxStoredBodyBytes: options.maxStoredBodyBytes, secrets: options.secrets ?? [] },
  );
  if (transmission.failure) return { ok: false, ...transmission.failure, exchange };

  const { status, headers, body } = transmission.response;
  const response = { status, headers, body: body.toString("utf8"), bodyBytes: body.length };
  return { ok: true, response, exchange };
}

async function transmit(
  target: URL,
  record: RequestRecord,
  timeoutMs: number,
  options: SendRequestOptions,
  elapsed: () => number,
): Promise<Transmission> {
  // Node connects to IP literals without calling `lookup`, so they are checked here.
  const hostname = target.hostname.replace(/^\[|\]$/g, "");
  if (isIP(hostname) !== 0 && !isAddressAllowed(hostname, options.policy)) {
    const addressClass = classifyAddress(hostname);
    const message = `${hostname} is a ${addressClass} address the network policy refuses`;
    return { failure: { reason: "address_refused", message }, response: null, timings: unmeasured };
  }

  const guard = createGuardedLookup(options.policy);
  const send = target.protocol === "https:" ? requestHttps : requestHttp;
  let outgoing: ClientRequest;
  try {
    outgoing = send(target, {
      method: record.method,
      headers: record.headers,
      lookup: guard.lookup,
      agent: false,
    });
  } catch (error) {
    return {
      failure: { reason: "invalid_request", message: describeError(error) },
      response: null,
      timings: unmeasured,
    };
  }

  const limits = { timeoutMs, maxResponseBytes: options.maxResponseBytes };
  const isTls = target.protocol === "https:";
  return awaitResponse(outgoing, record.body, limits, guard.failure, { isTls, elapsed });
}

/**
 * Writes the body and collects the response under one deadline. The first outcome wins:
 * whatever happens after it (the socket closing as it is destroyed, say) is ignored.
 */
function awaitResponse(
  outgoing: ClientRequest,
  body: Buffer | null,
  limits: { timeoutMs: number; maxResponseBytes: number },
  lookupFailure: () => LookupFailure | null,
  clock: { isTls: boolean; elapsed: () => number },
): Promise<Transmission> {
  return new Promise((resolve) => {
    let isSettled = false;
    const timings: Timings = { connectMs: null, firstByteMs: null };
    let head: Pick<ReceivedResponse, "status" | "headers"> | null = null;
    const chunks: Buffer[] = [];
    let receivedBytes = 0;

    const received = (isBodyComplete: boolean) =>
      head && { ...head, body: Buffer.concat(chunks), isBodyComplete };
    const fail = (failure: Failure) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(deadline);
      outgoing.destroy();
      resolve({ failure, response: received(false), timings });
    };
    const succeed = (response: ReceivedResponse) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(deadline);
      resolve({ failure: null, response, timings });
    };

    const deadline = setTimeout(() => {
      const message = `No complete response within ${limits.timeoutMs} ms`;
      fail({ reason: "timeout", message });
    }, limits.timeoutMs);

    // Connected means ready to carry the request: after the TLS handshake on https.
    outgoing.on("socket", (socket: Socket) => {
      socket.once(clock.isTls ? "secureConnect" : "connect", () => {
        timings.connectMs = clock.elapsed();
      });
    });
    outgoing.on("error", (error) => {
      fail(lookupFailure() ?? { reason: "connection_failed", message: describeError(error) });
    });
    outgoing.on("response", (incoming: IncomingMessage) => {
      timings.firstByteMs = clock.elapsed();
      head = { status: incoming.statusCode ?? 0, headers: joinHeaders(incoming.rawHeaders) };

      incoming.on("data", (chunk: Buffer) => {
        const room = limits.maxResponseBytes - receivedBytes;
        chunks.push(chunk.subarray(0, room));
        receivedBytes += Math.min(chunk.length, room);
        if (chunk.length > room) {
          const message = `The response is larger than ${limits.maxResponseBytes} bytes`;
          fail({ reason: "response_too_large", message });
        }
      });
      incoming.on("end", () => {
        const response = received(true);
        if (response) succeed(response);
      });
      incoming.on("error", (error) => {
        fail({ reason: "connection_failed", message: describeError(error) });
      });
      incoming.on("close", () => {
        if (incoming.complete) return;
        fail({ reason: "connection_failed", message: "The connection closed mid-response" });
      });
    });

    outgoing.end(body ?? undefined);
  });
}

/** What the delivery log files a failed exchange under. */
function exchangeFailureOf(reason: OutboundFailureReason): ExchangeFailure {
  switch (reason) {
    case "timeout":
      return "timeout";
    case "invalid_url":
    case "unsupported_protocol":
    case "invalid_request":
    case "address_refused":
      return "refused";
    case "dns_failed":
    case "connection_failed":
      return "connection";
    case "response_too_large":
      return "other";
  }
}

/** Lower-cases names and joins repeated headers with ", ", keeping every value. */
function joinHeaders(rawHeaders: readonly string[]): Record<string, string> {
  const joined: Record<string, string> = {};
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = (rawHeaders[index] ?? "").toLowerCase();
    const value = rawHeaders[index + 1] ?? "";
    const previous = joined[name];
    joined[name] = previous === undefined ? value : `${previous}, ${value}`;
  }
  return joined;
}

function describeError(error: unknown): string {
  // Happy-eyeballs connection attempts fail with an AggregateError whose own message is empty.
  if (error instanceof AggregateError && error.message === "") {
    return error.errors.map(describeError).join("; ");
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
