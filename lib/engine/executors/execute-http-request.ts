import {
  httpRequestConfigSchema,
  type HttpRequestConfig,
} from "../../workflow/http-request-node-type";
import { retryClockOf, retryScheduleFor, sendWithRetries } from "./http-request-retry";
import { failedStep, type NodeExecutor } from "./node-executor";
import { renderNodeConfig } from "./render-node-config";

/**
 * An API call: sends the rendered request through the guarded client, retrying as the node's
 * `retries` and `retryBackoffMs` allow (see `sendWithRetries`), and makes the last response
 * the step's output (`steps.<id>.response.status|headers|body`, a JSON body parsed). Every
 * attempt is one exchange of the step. A last response outside 2xx fails the step, with the
 * response still in its output.
 */
export const executeHttpRequest: NodeExecutor = async (node, context, env) => {
  const rendered = renderNodeConfig(node, context, (value) =>
    httpRequestConfigSchema.safeParse(value),
  );
  if (!rendered.ok) return failedStep(rendered.error);
  const { config, redacted } = rendered;

  const { result, exchanges, error } = await sendWithRetries(
    {
      method: config.method,
      url: withQuery(config),
      headers: requestHeaders(config),
      body: requestBody(config),
      timeoutMs: config.timeoutMs,
    },
    {
      policy: env.policy,
      maxResponseBytes: env.maxResponseBytes,
      redaction: env.redaction(),
    },
    { nodeId: node.id, scheduleMs: retryScheduleFor(config), clock: retryClockOf(env) },
  );
  if (!result.ok) {
    return { ok: false, input: redacted, output: null, error, exchanges, deliveries: [] };
  }

  const { status, headers, body } = result.response;
  const output = { response: { status, headers, body: parseBody(body, headers["content-type"]) } };
  return { ok: error === null, input: redacted, output, error, exchanges, deliveries: [] };
};

function withQuery(config: HttpRequestConfig): string {
  const entries = Object.entries(config.query);
  if (entries.length === 0) return config.url;
  const url = new URL(config.url);
  for (const [name, value] of entries) url.searchParams.append(name, value);
  return url.toString();
}

function hasBody(config: HttpRequestConfig): boolean {
  return config.body !== "" && config.method !== "GET" && config.method !== "HEAD";
}

function requestBody(config: HttpRequestConfig): string | undefined {
  return hasBody(config) ? config.body : undefined;
}

/** A body that is JSON is labelled so unless the node sets its own content type. */
function requestHeaders(config: HttpRequestConfig): Record<string, string> {
  const hasContentType = Object.keys(config.headers).some(
    (name) => name.toLowerCase() === "content-type",
  );
  if (!hasBody(config) || hasContentType || !isJson(config.body)) return config.headers;
  return { ...config.headers, "content-type": "application/json" };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function parseBody(body: string, contentType: string | undefined): unknown {
  if (!contentType || !/[/+]json\b/i.test(contentType)) return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
