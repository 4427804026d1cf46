import { z } from "zod";
import { headerMapSchema } from "./config-field-schemas";
import type { NodeTypeDefinition } from "./node-type";

const defaultBody = '{\n  "received": true\n}';

/**
 * Settings of a Respond node: the answer to the request that started the run. Like every
 * config schema it also holds for the rendered config, which the engine parses again.
 *
 * Statuses stop at 200: a 1xx status is informational and cannot be a request's final answer.
 */
export const respondConfigSchema = z.strictObject({
  status: z
    .number({ error: "Enter a status code" })
    .int("Enter a whole status code")
    .min(200, "The status code must be at least 200")
    .max(599, "The status code can be at most 599")
    .meta({
      title: "Status code",
      description: "The HTTP status of the answer, e.g. 200, 201 or 422.",
    })
    .default(200),
  headers: headerMapSchema()
    .meta({
      title: "Headers",
      description:
        "Sent with the answer. Content-Type is set from the body unless given here; " +
        "Content-Length and framing headers are set by the server.",
      supportsTemplates: true,
    })
    .default({}),
  body: z
    .string({ error: "The body is text" })
    .meta({
      title: "Body",
      description:
        "Sent as written. In a JSON body, a value that is exactly one template, such as " +
        '"{{steps.http1.response.body}}", takes the referenced value with its JSON type.',
      formKind: "json",
      supportsTemplates: true,
    })
    .default(defaultBody),
});

export type RespondConfig = z.output<typeof respondConfigSchema>;

/** Answers the request that started the run, while the run goes on to the nodes after it. */
export const respondNodeType: NodeTypeDefinition<typeof respondConfigSchema> = {
  type: "respond",
  idPrefix: "respond",
  label: "Respond",
  description:
    "Answers the request to the inbound URL when the trigger waits for the result. The first " +
    "Respond a run reaches answers; the run then goes on.",
  category: "action",
  configSchema: respondConfigSchema,
  defaultConfig: { status: 200, headers: {}, body: defaultBody },
  secretFields: [],
};
