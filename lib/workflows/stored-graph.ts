import { emptyGraph, graphSchema, type Graph } from "../workflow/graph";

/**
 * Parses a graph read from the database. Stored graphs were validated on the way in, so a
 * failure here means the row was changed behind the application's back; it is reported as an
 * error rather than silently replaced.
 */
export function parseStoredGraph(text: string): Graph {
  const parsed = graphSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`Stored graph is malformed: ${parsed.error.message}`);
  return parsed.data;
}

/** Serialises a graph the same way every time, so equal graphs compare equal as text. */
export function serializeGraph(graph: Graph): string {
  return JSON.stringify(graph);
}

export const emptyGraphText = serializeGraph(emptyGraph);
