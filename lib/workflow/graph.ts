import { z } from "zod";

/**
 * Node ids double as the names templates use (`{{steps.<id>.response.body}}`), so they are
 * short, readable slugs rather than random strings.
 */
export const nodeIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, "Node ids start with a letter and use letters, digits or _");

export const graphNodeSchema = z.object({
  id: nodeIdSchema,
  type: z.string().min(1).max(64),
  position: z.object({ x: z.number().finite(), y: z.number().finite() }),
  /** Validated separately against the node type's schema, so a draft may hold a bad config. */
  config: z.record(z.string(), z.unknown()),
});

export const graphEdgeSchema = z.object({
  id: z.string().min(1).max(160),
  source: nodeIdSchema,
  target: nodeIdSchema,
  /**
   * Which labelled output of the source the edge leaves from, e.g. "true" of a Condition.
   * Absent for nodes with a single output; `validateGraph` checks it against the source's type.
   */
  sourceHandle: z.string().min(1).max(32).optional(),
});

/** The stored shape of a workflow's graph: drafts and published versions alike. */
export const graphSchema = z.object({
  nodes: z.array(graphNodeSchema).max(2000),
  edges: z.array(graphEdgeSchema).max(8000),
});

export type GraphNode = z.infer<typeof graphNodeSchema>;
export type GraphEdge = z.infer<typeof graphEdgeSchema>;
export type Graph = z.infer<typeof graphSchema>;

export const emptyGraph: Graph = { nodes: [], edges: [] };
