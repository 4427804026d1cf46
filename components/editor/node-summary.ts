import {
  conditionOperators,
  operatorLabels,
  unaryOperators,
} from "@/lib/workflow/condition-node-type";
import { isRecord } from "@/lib/workflow/is-record";

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
    case "schedule-trigger":
      return `${textOf(config["cron"]) || "no schedule yet"} · ${textOf(config["timezone"]) || "UTC"}`;
    case "manual-trigger":
      return "Started from the editor with a test payload";
    case "http-request":
      return `${textOf(config["method"]) || "GET"} ${textOf(config["url"]) || "no URL yet"}`;
    case "send-webhook":
      return `${textOf(config["eventType"]) || "event"} → ${textOf(config["url"]) || "no endpoint yet"}`;
    case "respond":
      return `Answers ${typeof config["status"] === "number" ? config["status"] : 200}`;
    case "condition":
      return summarizeCondition(config);
    case "delay":
      return `Waits ${typeof config["amount"] === "number" ? config["amount"] : "?"} ${textOf(config["unit"]) || "minutes"}`;
    case "transform":
      return textOf(config["expression"]).replace(/\s+/g, " ") || "No expression yet";
    default:
      return "Unknown node type";
  }
}

function summarizeCondition(config: Record<string, unknown>): string {
  const rules: unknown[] = Array.isArray(config["rules"]) ? config["rules"] : [];
  const first = rules[0];
  if (!isRecord(first)) return "No rules yet";

  const operator = conditionOperators.find((name) => name === first["operator"]);
  const words = operator === undefined ? "?" : operatorLabels[operator];
  const right =
    operator !== undefined && unaryOperators.has(operator) ? "" : ` ${textOf(first["right"])}`;
  const more =
    rules.length > 1
      ? ` ${config["combine"] === "any" ? "or" : "and"} ${rules.length - 1} more`
      : "";
  return `${textOf(first["left"]) || "?"} ${words}${right}${more}`;
}

function textOf(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}
