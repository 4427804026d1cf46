/**
 * How later steps read what a node produced, as a template to copy. Triggers all share
 * `trigger`; actions are read by their id.
 */
export function describeNodeReference(
  nodeType: string,
  nodeId: string,
  isTrigger: boolean,
): string {
  if (isTrigger) return "{{trigger.body}}";
  switch (nodeType) {
    case "http-request":
      return `{{steps.${nodeId}.response.body}}`;
    case "send-webhook":
      return `{{steps.${nodeId}.messageId}}`;
    default:
      return `{{steps.${nodeId}}}`;
  }
}
