import { z } from "zod";
import type { NodeTypeDefinition } from "./node-type";

/** How a request to the inbound URL proves where it comes from. */
export const verificationKinds = [
  "none",
  "standard-webhooks",
  "github",
  "stripe",
  "hmac",
  "basic-auth",
  "header-token",
] as const;

export type VerificationKind = (typeof verificationKinds)[number];

/** Methods the inbound URL may accept. */
export const inboundMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** RFC 7230 token characters, the shape of a header name. */
const headerNamePattern = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function headerNameSchema(title: string, description: string, fallback: string) {
  return z
    .string({ error: "Enter a header name" })
    .trim()
    .refine((name) => name === "" || headerNamePattern.test(name), {
      error: "A header name holds letters, digits and - only",
    })
    .meta({ title, description, placeholder: fallback })
    .default(fallback);
}

const hmacOnly = { field: "verification", oneOf: ["hmac"] } as const;

/**
 * Settings of the inbound URL. They belong to the graph, so they take effect when the workflow
 * is activated, like every other change; the verification secret is not here but stored
 * encrypted on the workflow, because graphs are shown and exported.
 */
export const webhookTriggerConfigSchema = z.strictObject({
  methods: z
    .string({ error: "List the accepted methods" })
    .trim()
    .superRefine((text, ctx) => {
      const parsed = parseInboundMethods(text);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message });
    })
    .meta({
      title: "Accepted methods",
      description: "Comma-separated, from GET, POST, PUT, PATCH and DELETE.",
      placeholder: "POST",
    })
    .default("POST"),
  verification: z
    .enum(verificationKinds)
    .meta({
      title: "Verification",
      description:
        "How senders prove who they are. Requests that fail get 401 and start nothing. " +
        "The secret is set in the Inbound panel and stored encrypted.",
    })
    .default("none"),
  hmacHeader: headerNameSchema(
    "Signature header",
    "The header that carries the signature.",
    "x-signature",
  ).meta({ visibleWhen: hmacOnly }),
  hmacAlgorithm: z
    .enum(["sha256", "sha1", "sha512"])
    .meta({ title: "HMAC algorithm", visibleWhen: hmacOnly })
    .default("sha256"),
  hmacEncoding: z
    .enum(["hex", "base64"])
    .meta({ title: "Signature encoding", visibleWhen: hmacOnly })
    .default("hex"),
  hmacPrefix: z
    .string()
    .meta({
      title: "Signature prefix",
      description: 'Text before the signature in the header, e.g. "sha256=". Empty for none.',
      visibleWhen: hmacOnly,
    })
    .default(""),
  hmacSignedContent: z
    .enum(["body", "timestamp.body"])
    .meta({
      title: "Signed content",
      description:
        'What the sender signs: the raw body, or the timestamp header, ".", and the raw body.',
      visibleWhen: hmacOnly,
    })
    .default("body"),
  hmacTimestampHeader: headerNameSchema(
    "Timestamp header",
    "Unix seconds; requests more than 5 minutes off are refused.",
    "x-timestamp",
  ).meta({ visibleWhen: { field: "hmacSignedContent", oneOf: ["timestamp.body"] } }),
  basicAuthUsername: z
    .string()
    .trim()
    .meta({
      title: "Username",
      description: "The password is the verification secret.",
      visibleWhen: { field: "verification", oneOf: ["basic-auth"] },
    })
    .default(""),
  tokenHeader: headerNameSchema(
    "Token header",
    "The header whose value must equal the secret.",
    "x-webhook-token",
  ).meta({ visibleWhen: { field: "verification", oneOf: ["header-token"] } }),
  responseMode: z
    .enum(["immediate", "result"])
    .meta({
      title: "Response",
      description:
        "immediate: 202 with the run id once stored. result: wait for a Respond node or " +
        "the last step's output, up to the timeout, then 202.",
    })
    .default("immediate"),
  responseTimeoutMs: z
    .number({ error: "Enter a timeout in milliseconds" })
    .int("Enter the timeout in whole milliseconds")
    .min(100, "The timeout must be at least 100 ms")
    .max(60_000, "The timeout can be at most 60000 ms (one minute)")
    .meta({
      title: "Response timeout (ms)",
      visibleWhen: { field: "responseMode", oneOf: ["result"] },
    })
    .default(10_000),
  idempotencyHeader: headerNameSchema(
    "Message id header",
    "A repeated id within 24 hours runs once; every copy gets the first answer. " +
      "Empty turns this off.",
    "webhook-id",
  ),
  maxBodyBytes: z
    .number({ error: "Enter a size in bytes" })
    .int("Enter a whole number of bytes")
    .min(1, "The limit must be at least 1 byte")
    .max(16 * 1024 * 1024, "The limit can be at most 16 MiB (16777216 bytes)")
    .meta({ title: "Body limit (bytes)", description: "Larger bodies get 413." })
    .default(1024 * 1024),
  rateLimitPerSecond: z
    .number({ error: "Enter a number of requests" })
    .int("Enter a whole number of requests")
    .min(0, "The rate cannot be negative")
    .max(100_000, "The rate can be at most 100000 requests a second")
    .meta({
      title: "Rate limit (requests/s)",
      description: "Past it, requests get 429 with Retry-After. 0 means no limit.",
    })
    .default(0),
});

export type WebhookTriggerConfig = z.output<typeof webhookTriggerConfigSchema>;

/** The default settings, as a config that parses. */
export const defaultWebhookTriggerConfig: WebhookTriggerConfig = webhookTriggerConfigSchema.parse(
  {},
);

/**
 * Parses "POST, put" into the set of accepted methods.
 *
 * @example parseInboundMethods("post, PUT") // { ok: true, methods: ["POST", "PUT"] }
 */
export function parseInboundMethods(
  text: string,
): { ok: true; methods: string[] } | { ok: false; message: string } {
  const names = text
    .split(",")
    .map((name) => name.trim().toUpperCase())
    .filter((name) => name !== "");
  if (names.length === 0) return { ok: false, message: "Accept at least one method, e.g. POST" };
  const unknown = names.find((name) => !(inboundMethods as readonly string[]).includes(name));
  if (unknown !== undefined) {
    return {
      ok: false,
      message: `${unknown} is not a method the inbound URL can accept; use ${inboundMethods.join(", ")}`,
    };
  }
  return { ok: true, methods: [...new Set(names)] };
}

/** Whether the verification scheme needs a stored secret; every scheme but none does. */
export function needsVerificationSecret(kind: VerificationKind): boolean {
  return kind !== "none";
}

/** Starts a run for every request that reaches the workflow's inbound URL. */
export const webhookTriggerNodeType: NodeTypeDefinition<typeof webhookTriggerConfigSchema> = {
  type: "webhook-trigger",
  idPrefix: "webhook",
  label: "Webhook trigger",
  description:
    "Starts a run when a request arrives at the workflow's inbound URL (/hooks/<token>). " +
    "Later steps read the request's body as {{trigger.body}}.",
  category: "trigger",
  configSchema: webhookTriggerConfigSchema,
  defaultConfig: {},
  secretFields: [],
};
