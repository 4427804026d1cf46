/**
 * How later steps read what a node produced, as a template to copy. Triggers all share
 * `trigger` (a schedule's tick has no body); actions are read by their id.
 */
export function describeNodeReference(
  nodeType: string,
  nodeId: string,
  isTrigger: boolean,
): string {
  // A schedule's tick carries no body: its run reads when it was due.
  if (nodeType === "schedule-trigger") return "{{trigger.scheduledAt}}";
  if (isTrigger) return "{{trigger.body}}";
  switch (nodeType) {
    case "condition":
      return `{{steps.${nodeId}.result}}`;
    case "http-request":
      return `{{steps.${nodeId}.response.body}}`;
    case "send-webhook":
      return `{{steps.${nodeId}.messageId}}`;
    default:
      return `{{steps.${nodeId}}}`;
  }
}
