import type { Graph, GraphEdge, GraphNode } from "../lib/workflow/graph";
import { isRecord } from "../lib/workflow/is-record";
import { getNodeType } from "../lib/workflow/node-types";

/** The step types the grid cycles through, each with its registry defaults. */
const STEP_TYPES = ["http-request", "transform", "condition", "delay"] as const;
/** A node card is 240 px wide and about 64 px tall; these leave room for the edges between. */
const COLUMN_PITCH = 300;
const ROW_PITCH = 110;

/**
 * A valid workflow of `nodeCount` nodes for the editor scenario: a Manual trigger in the first
 * column, then `nodeCount - 1` steps of the registry's step types, with their default configs,
 * row by row on a grid about as tall as it is wide. Each row's first step follows the trigger
 * and every other step follows its left neighbour, a Condition from its `true` output.
 *
 * @example createGridGraph(10).nodes.length // 10
 */
export function createGridGraph(nodeCount: number): Graph {
  const stepCount = nodeCount - 1;
  const columns = Math.max(1, Math.ceil(Math.sqrt((stepCount * ROW_PITCH) / COLUMN_PITCH)));
  const rows = Math.ceil(stepCount / columns);
  const trigger = createNode("manual-trigger", 0, { x: 0, y: ((rows - 1) * ROW_PITCH) / 2 });
  const nodes: GraphNode[] = [trigger];
  const edges: GraphEdge[] = [];

  for (let index = 0; index < stepCount; index += 1) {
    const column = index % columns;
    const row = Math.floor(index / columns);
    const type = STEP_TYPES[index % STEP_TYPES.length] ?? "transform";
    const node = createNode(type, index + 1, {
      x: (column + 1) * COLUMN_PITCH,
      y: row * ROW_PITCH,
    });
    const previous = column === 0 ? trigger : nodes.at(-1);
    if (previous !== undefined) edges.push(createEdge(previous, node));
    nodes.push(node);
  }
  return { nodes, edges };
}

function createNode(type: string, index: number, position: GraphNode["position"]): GraphNode {
  const definition = getNodeType(type);
  if (definition === undefined) throw new Error(`The registry has no node type "${type}"`);
  const config = isRecord(definition.defaultConfig)
    ? structuredClone(definition.defaultConfig)
    : {};
  // An HTTP request's default URL is empty, which the editor would flag as a problem.
  if (type === "http-request") config.url = `https://api.example.test/items/${index}`;
  return { id: `${definition.idPrefix}${index}`, type, position, config };
}

/** Ids as the editor gives them: the ends, and a branch's output between them, joined by "-". */
function createEdge(source: GraphNode, target: GraphNode): GraphEdge {
  const sourceHandle = getNodeType(source.type)?.outputHandles?.[0]?.id;
  return sourceHandle === undefined
    ? { id: `${source.id}-${target.id}`, source: source.id, target: target.id }
    : {
        id: `${source.id}-${sourceHandle}-${target.id}`,
        source: source.id,
        target: target.id,
        sourceHandle,
      };
}
