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
        description: "How long to wait for the response before the step fails.",
      })
      .default(10_000),
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
  defaultConfig: { method: "GET", url: "", headers: {}, query: {}, body: "", timeoutMs: 10_000 },
  secretFields: [],
};
