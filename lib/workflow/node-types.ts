import { conditionNodeType } from "./condition-node-type";
import { delayNodeType } from "./delay-node-type";
import { httpRequestNodeType } from "./http-request-node-type";
import { manualTriggerNodeType } from "./manual-trigger-node-type";
import type { NodeTypeDefinition } from "./node-type";
import { respondNodeType } from "./respond-node-type";
import { scheduleTriggerNodeType } from "./schedule-trigger-node-type";
import { sendWebhookNodeType } from "./send-webhook-node-type";
import { transformNodeType } from "./transform-node-type";
import { webhookTriggerNodeType } from "./webhook-trigger-node-type";

/**
 * The node type registry, in palette order. Adding a type is adding an entry here (and its
 * executor in `lib/engine/`); forms, validation and templates follow from the definition.
 */
export const nodeTypes: readonly NodeTypeDefinition[] = [
  webhookTriggerNodeType,
  manualTriggerNodeType,
  scheduleTriggerNodeType,
  httpRequestNodeType,
  sendWebhookNodeType,
  respondNodeType,
  conditionNodeType,
  transformNodeType,
  delayNodeType,
];

const nodeTypesByName: ReadonlyMap<string, NodeTypeDefinition> = new Map(
  nodeTypes.map((definition) => [definition.type, definition]),
);

/** Looks up a node type by its stored name, e.g. "http-request". */
export function getNodeType(type: string): NodeTypeDefinition | undefined {
  return nodeTypesByName.get(type);
}

/** Whether nodes of this type start runs; false for unknown types. */
export function isTriggerType(type: string): boolean {
  return getNodeType(type)?.category === "trigger";
}
