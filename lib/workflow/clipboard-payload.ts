import { z } from "zod";
import {
  graphEdgeSchema,
  graphNodeSchema,
  type Graph,
  type GraphEdge,
  type GraphNode,
} from "./graph";
import { getNodeType } from "./node-types";

/** Tells our clipboard text apart from any other JSON a person may have copied. */
const clipboardMarker = "switchyard/graph-fragment";

/** Raised when the payload's shape changes; older payloads are then refused, not misread. */
const clipboardVersion = 1;

/** A copied setting that held a secret, left out of the payload. */
export type OmittedSecret = { nodeId: string; field: string };

/** Copied nodes and the edges between them, as they go on the clipboard. */
export type GraphFragment = {
  nodes: GraphNode[];
  edges: GraphEdge[];
  omittedSecrets: OmittedSecret[];
};

const payloadSchema = z.object({
  marker: z.literal(clipboardMarker),
  version: z.literal(clipboardVersion),
  nodes: z.array(graphNodeSchema).min(1).max(2000),
  edges: z.array(graphEdgeSchema).max(8000),
  omittedSecrets: z.array(z.object({ nodeId: z.string(), field: z.string() })).max(8000),
});

/**
 * The clipboard text for the given nodes of a graph: the nodes, the edges that join two of
 * them, and no secrets. A secret setting (one of its type's `secretFields`) is emptied and named
 * in `omittedSecrets`, so pasting can say what to fill in again. Null when no node is given.
 */
export function createClipboardPayload(graph: Graph, nodeIds: Iterable<string>): string | null {
  const copiedIds = new Set(nodeIds);
  const nodes = graph.nodes.filter((node) => copiedIds.has(node.id));
  if (nodes.length === 0) return null;

  const omittedSecrets: OmittedSecret[] = [];
  const safeNodes = nodes.map((node) => {
    const secretFields = getNodeType(node.type)?.secretFields ?? [];
    const config = { ...node.config };
    for (const field of secretFields) {
      if (config[field] === undefined || config[field] === "") continue;
      config[field] = "";
      omittedSecrets.push({ nodeId: node.id, field });
    }
    return { ...node, config };
  });
  const edges = graph.edges.filter(
    (edge) => copiedIds.has(edge.source) && copiedIds.has(edge.target),
  );
  const payload = {
    marker: clipboardMarker,
    version: clipboardVersion,
    nodes: safeNodes,
    edges,
    omittedSecrets,
  };
  return JSON.stringify(payload);
}

/** The fragment in clipboard text we wrote; null for any other text, JSON or not. */
export function parseClipboardPayload(text: string): GraphFragment | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return null;
  const { nodes, edges, omittedSecrets } = parsed.data;
  return { nodes, edges, omittedSecrets };
}
