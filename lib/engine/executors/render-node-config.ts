import { REDACTED, redactHeaders } from "../../secrets/redact";
import { describeConfigFields } from "../../workflow/config-fields";
import type { GraphNode } from "../../workflow/graph";
import { getNodeType } from "../../workflow/node-types";
import { renderConfigTemplates, type TemplateContext } from "../../workflow/templates";

export type RenderedNodeConfig<T> =
  { ok: true; config: T; redacted: Record<string, unknown> } | { ok: false; error: string };

/**
 * Renders a node's templates against the run so far and parses the result with the node type's
 * schema again, so values that came from data obey the same rules as typed ones (a header
 * value cannot gain a line break from an inbound body). Also returns a copy with secret fields
 * redacted, which is what the step records as its input.
 */
export function renderNodeConfig<T>(
  node: GraphNode,
  context: TemplateContext,
  parse: (
    value: unknown,
  ) =>
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
): RenderedNodeConfig<T> {
  const type = getNodeType(node.type);
  if (!type) return { ok: false, error: `Unknown node type ${node.type}` };

  const fields = describeConfigFields(type);
  const rendered = renderConfigTemplates(node.config, fields, context);
  if (!rendered.ok) return { ok: false, error: `${rendered.field}: ${rendered.error}` };

  const parsed = parse(rendered.config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: issue ? `${issue.path.map(String).join(".")}: ${issue.message}` : "Invalid settings",
    };
  }
  return {
    ok: true,
    config: parsed.data,
    redacted: redactConfig(rendered.config, type.secretFields),
  };
}

/** Secret fields blanked, and credential headers in header maps, as stored exchanges have them. */
function redactConfig(
  config: Record<string, unknown>,
  secretFields: readonly string[],
): Record<string, unknown> {
  const redacted = { ...config };
  for (const field of secretFields) if (field in redacted) redacted[field] = REDACTED;
  const headers = redacted["headers"];
  if (isStringMap(headers)) redacted["headers"] = redactHeaders(headers);
  return redacted;
}

function isStringMap(value: unknown): value is Record<string, string> {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.values(value).every((v) => typeof v === "string")
  );
}
