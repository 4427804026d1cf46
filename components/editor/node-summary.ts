/**
 * The one line a canvas node shows under its label, so a graph reads without opening every
 * node. Unknown config shapes fall back to placeholders rather than failing.
 */
export function summarizeNode(
  nodeType: string,
  config: Record<string, unknown>,
  inboundPath: string,
): string {
  switch (nodeType) {
    case "webhook-trigger":
      return `${textOf(config["methods"]) || "POST"} ${inboundPath}`;
    case "manual-trigger":
      return "Started from the editor with a test payload";
    case "http-request":
      return `${textOf(config["method"]) || "GET"} ${textOf(config["url"]) || "no URL yet"}`;
    case "send-webhook":
      return `${textOf(config["eventType"]) || "event"} → ${textOf(config["url"]) || "no endpoint yet"}`;
    case "respond":
      return `Answers ${typeof config["status"] === "number" ? config["status"] : 200}`;
    default:
      return "Unknown node type";
  }
}

function textOf(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}
