import type { Graph } from "./graph";
import { isTriggerType } from "./node-types";
import { planExecution } from "./plan-execution";

/**
 * The ids of the nodes that a run executes before `nodeId`, in execution order, its trigger
 * included: exactly the steps whose output `{{steps.<id>}}` can read there. With several
 * triggers, a node reached from more than one gets the steps that come before it in any of
 * their plans. A trigger, or a node no trigger reaches, has none.
 *
 * @example
 * listEarlierSteps(graph, "http2"); // ["webhook1", "http1"]
 */
export function listEarlierSteps(graph: Graph, nodeId: string): string[] {
  const earlier = new Set<string>();
  for (const trigger of graph.nodes) {
    if (!isTriggerType(trigger.type)) continue;

    const plan = planExecution(graph, trigger.id);
    const position = plan.indexOf(nodeId);
    for (const id of plan.slice(0, Math.max(position, 0))) earlier.add(id);
  }
  return [...earlier];
}
