import { z } from "zod";
import {
  headerMapSchema,
  queryMapSchema,
  timeoutMsSchema,
  urlFieldSchema,
} from "./config-field-schemas";
import type { NodeTypeDefinition } from "./node-type";

/** The methods an HTTP request node can send. */
export const httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"] as const;

export type HttpMethod = (typeof httpMethods)[number];

/** The most retries a node may ask for: six attempts in all. */
export const MAX_HTTP_RETRIES = 5;

/**
 * The longest a step waits before a retry, whether its backoff or the server's `Retry-After`
 * asks for the wait. The worker holds the job for the whole step, so waits stay short.
 */
export const MAX_RETRY_DELAY_MS = 60_000;

/**
 * Settings of an HTTP request node. The schema holds for a config as stored and again after its
 * templates are rendered, so the engine parses the rendered config with it too: a header value
 * that gained a line break from data is refused there.
 */
export const httpRequestConfigSchema = z
  .strictObject({
    method: z
      .enum(httpMethods, { error: "Choose GET, POST, PUT, PATCH, DELETE or HEAD" })
      .meta({ title: "Method", description: "The HTTP method of the request." })
      .default("GET"),
    url: urlFieldSchema().meta({
      title: "URL",
      description: "Where to send the request. Templates can fill in parts of it.",
      placeholder: "https://api.example.com/orders/{{trigger.body.orderId}}",
      supportsTemplates: true,
    }),
    headers: headerMapSchema()
      .meta({
        title: "Headers",
        description:
          "Sent with the request. Host, Content-Length and framing headers are set for you.",
        supportsTemplates: true,
      })
      .default({}),
    query: queryMapSchema()
      .meta({
        title: "Query parameters",
        description: "Added to the URL, encoded.",
        supportsTemplates: true,
      })
      .default({}),
    body: z
      .string({ error: "The body is text" })
      .meta({
        title: "Body",
        description:
          "Sent as written. In a JSON body, a value that is exactly one template, such as " +
          '"{{trigger.body}}", takes the referenced value with its JSON type.',
        formKind: "json",
        supportsTemplates: true,
      })
      .default(""),
    timeoutMs: timeoutMsSchema()
      .meta({
        title: "Timeout (ms)",
        description: "How long each attempt waits for the response before it counts as failed.",
      })
      .default(10_000),
    retries: z
      .number({ error: "Enter a number of retries" })
      .int("Enter a whole number of retries")
      .min(0, "Retries cannot be negative")
      .max(MAX_HTTP_RETRIES, `At most ${MAX_HTTP_RETRIES} retries`)
      .meta({
        title: "Retries",
        description:
          "How many times to try again after a 5xx answer, a 429, a timeout or a connection " +
          "error. A 3xx, another 4xx or a refused address fails the step at once.",
      })
      .default(0),
    retryBackoffMs: z
      .number({ error: "Enter a delay in milliseconds" })
      .int("Enter the delay in whole milliseconds")
      .min(100, "The delay must be at least 100 ms")
      .max(MAX_RETRY_DELAY_MS, `The delay can be at most ${MAX_RETRY_DELAY_MS} ms (60 seconds)`)
      .meta({
        title: "First retry delay (ms)",
        description:
          "The wait before the first retry. Each further retry waits twice as long, ±20%, at " +
          "most 60 s. A Retry-After of up to 60 s is honoured; a longer one fails the step.",
      })
      .default(1000),
  })
  .superRefine((config, ctx) => {
    if ((config.method === "GET" || config.method === "HEAD") && config.body !== "") {
      ctx.addIssue({
        code: "custom",
        message: `A ${config.method} request cannot have a body`,
        path: ["body"],
      });
    }
  });

export type HttpRequestConfig = z.output<typeof httpRequestConfigSchema>;

/** Calls an API; the response becomes the step's output for the nodes after it. */
export const httpRequestNodeType: NodeTypeDefinition<typeof httpRequestConfigSchema> = {
  type: "http-request",
  idPrefix: "http",
  label: "HTTP request",
  description: "Calls an API. Its response is available to later steps as {{steps.<id>.response}}.",
  category: "action",
  configSchema: httpRequestConfigSchema,
  defaultConfig: {
    method: "GET",
    url: "",
    headers: {},
    query: {},
    body: "",
    timeoutMs: 10_000,
    retries: 0,
    retryBackoffMs: 1000,
  },
  secretFields: [],
};
