import type { z } from "zod";

export type NodeCategory = "trigger" | "action";

/**
 * One entry of the node type registry. Everything the editor, the validator and the engine
 * need to know about a type, except how it executes, lives here; executors are server-side and
 * keyed by `type` in `lib/engine/`.
 */
export interface NodeTypeDefinition<Schema extends z.ZodType = z.ZodType> {
  /** Stable identifier stored in graphs, e.g. "http-request". Never renamed once shipped. */
  type: string;
  /** Prefix for generated node ids, e.g. "http" gives http1, http2. */
  idPrefix: string;
  label: string;
  description: string;
  category: NodeCategory;
  configSchema: Schema;
  defaultConfig: z.input<Schema>;
  /** Config fields holding secrets: redacted in step records and exchanges. */
  secretFields: readonly string[];
  /**
   * Labelled outputs, for types whose step takes one of several branches; absent for the usual
   * single output. Every outgoing edge of such a node names one of these as its `sourceHandle`.
   */
  outputHandles?: readonly NodeOutputHandle[];
}

/** One labelled output of a branching node type, e.g. the "true" branch of a Condition. */
export type NodeOutputHandle = { id: string; label: string };
