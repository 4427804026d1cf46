import type { Graph } from "./graph";

/**
 * The first free id made of the prefix and a number from 1 up, e.g. "http3" when http1 and
 * http2 exist. Gaps are reused: after http1 is deleted the next HTTP request node is http1
 * again, and templates that still name `steps.http1` then read the new node.
 *
 * @example nextNodeId({ nodes: [{ id: "http1", ... }] }, "http") // "http2"
 */
export function nextNodeId(graph: Pick<Graph, "nodes">, idPrefix: string): string {
  const takenIds = new Set(graph.nodes.map((node) => node.id));
  for (let number = 1; ; number += 1) {
    const id = `${idPrefix}${number}`;
    if (!takenIds.has(id)) return id;
  }
}
