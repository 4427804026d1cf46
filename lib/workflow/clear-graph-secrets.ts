import { isCredentialHeader } from "../secrets/redact";
import type { Graph, GraphNode } from "./graph";
import { isRecord } from "./is-record";
import { getNodeType } from "./node-types";

/** A setting whose value was left out: a secret field, or one header of a header map. */
export type ClearedSecret = { nodeId: string; field: string; header?: string };

export type GraphWithoutSecrets = { graph: Graph; clearedSecrets: ClearedSecret[] };

/**
 * A copy of the graph with no secrets in it, and the list of what was emptied: each node type's
 * secret fields (a Send webhook's signing secret), and the values of credential headers in any
 * `headers` setting, judged by the built-in redaction rules plus `extraHeaderNames` (lower case).
 * Names stay, values become "", so the editor lists each one as a setting to fill in.
 *
 * Credentials typed into a URL, a query parameter or a body are not recognised and stay.
 */
export function clearGraphSecrets(
  graph: Graph,
  extraHeaderNames: ReadonlySet<string> = new Set(),
): GraphWithoutSecrets {
  const clearedSecrets: ClearedSecret[] = [];
  const nodes = graph.nodes.map((node) => {
    const cleared = clearNodeSecrets(node, extraHeaderNames);
    clearedSecrets.push(...cleared.clearedSecrets);
    return cleared.node;
  });
  return { graph: { nodes, edges: graph.edges }, clearedSecrets };
}

function clearNodeSecrets(
  node: GraphNode,
  extraHeaderNames: ReadonlySet<string>,
): { node: GraphNode; clearedSecrets: ClearedSecret[] } {
  const clearedSecrets: ClearedSecret[] = [];
  const config = { ...node.config };

  for (const field of getNodeType(node.type)?.secretFields ?? []) {
    if (config[field] === undefined || config[field] === "") continue;
    config[field] = "";
    clearedSecrets.push({ nodeId: node.id, field });
  }

  const headers = config["headers"];
  if (isRecord(headers)) {
    const entries = Object.entries(headers).map(([name, value]): [string, unknown] => {
      const isSecret = isCredentialHeader(name) || extraHeaderNames.has(name.toLowerCase());
      if (!isSecret) return [name, value];
      if (value !== "") clearedSecrets.push({ nodeId: node.id, field: "headers", header: name });
      return [name, ""];
    });
    // fromEntries defines own properties, so a "__proto__" header stays a plain key.
    config["headers"] = Object.fromEntries(entries);
  }
  return { node: { ...node, config }, clearedSecrets };
}
