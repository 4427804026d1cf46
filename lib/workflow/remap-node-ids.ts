import type { Graph, GraphEdge, GraphNode } from "./graph";
import type { GraphFragment, OmittedSecret } from "./clipboard-payload";
import { nextNodeId } from "./next-node-id";
import { getNodeType } from "./node-types";

/** A fragment made ready to join a graph: fresh ids, moved, references rewritten. */
export type PlacedFragment = {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Old id to new id of every placed node. */
  idMap: ReadonlyMap<string, string>;
  /** The omitted secrets, under the nodes' new ids. */
  omittedSecrets: OmittedSecret[];
};

/**
 * Gives pasted nodes ids the graph does not use yet (the next free id of each type's prefix),
 * moves them by `offset`, and rewrites `steps.<old id>` references in their configs to the new
 * ids, so a copied pair of steps still reads its own copy. References to nodes outside the
 * fragment are left as they are. `edgeIdFor` names each edge from its new ends.
 */
export function remapNodeIds(
  fragment: GraphFragment,
  graph: Pick<Graph, "nodes">,
  offset: { x: number; y: number },
  edgeIdFor: (edge: GraphEdge) => string,
): PlacedFragment {
  const idMap = new Map<string, string>();
  const taken = { nodes: [...graph.nodes] };
  for (const node of fragment.nodes) {
    const id = nextNodeId(taken, idPrefixOf(node));
    idMap.set(node.id, id);
    taken.nodes.push({ ...node, id });
  }

  const nodes = fragment.nodes.map((node) => ({
    ...node,
    id: idMap.get(node.id) ?? node.id,
    position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
    config: rewriteConfig(node.config, idMap),
  }));
  const edges = fragment.edges.flatMap((edge) => {
    const source = idMap.get(edge.source);
    const target = idMap.get(edge.target);
    if (source === undefined || target === undefined) return [];
    const moved = { ...edge, source, target };
    return [{ ...moved, id: edgeIdFor(moved) }];
  });
  const omittedSecrets = fragment.omittedSecrets.flatMap(({ nodeId, field }) => {
    const id = idMap.get(nodeId);
    return id === undefined ? [] : [{ nodeId: id, field }];
  });
  return { nodes, edges, idMap, omittedSecrets };
}

/** The type's id prefix; for a type this build does not know, the old id without its number. */
function idPrefixOf(node: GraphNode): string {
  return getNodeType(node.type)?.idPrefix ?? (node.id.replace(/\d+$/, "") || "node");
}

function rewriteConfig(
  config: Record<string, unknown>,
  idMap: ReadonlyMap<string, string>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [key, rewriteStepReferences(value, idMap)]),
  );
}

/**
 * `steps.http1` and `steps["http1"]` in every string of a config value, with the id replaced
 * when the map has it. The lookbehind keeps `mysteps.http1` and `a.steps.http1` untouched.
 */
export function rewriteStepReferences(value: unknown, idMap: ReadonlyMap<string, string>): unknown {
  if (typeof value === "string") return rewriteText(value, idMap);
  if (Array.isArray(value)) return value.map((item) => rewriteStepReferences(item, idMap));
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, rewriteStepReferences(inner, idMap)]),
  );
}

const stepReference = /(?<![\w$.])steps(\.|\[\s*["'])([A-Za-z][A-Za-z0-9_]*)(?![A-Za-z0-9_])/g;

function rewriteText(text: string, idMap: ReadonlyMap<string, string>): string {
  return text.replace(stepReference, (whole, accessor: string, id: string) => {
    const newId = idMap.get(id);
    return newId === undefined ? whole : `steps${accessor}${newId}`;
  });
}
