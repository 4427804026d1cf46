import { z } from "zod";
import { workflowNameSchema } from "../api/schemas";
import type { ClearedSecret } from "./clear-graph-secrets";
import { graphSchema, type Graph } from "./graph";
import { isRecord } from "./is-record";
import { validateGraph, type GraphProblem, type GraphProblemCode } from "./validate-graph";

/** Tells an exported workflow apart from any other JSON a person may pick. */
export const WORKFLOW_DOCUMENT_FORMAT = "switchyard/workflow";

/** Raised when the document's shape changes; other versions are refused, not misread. */
export const WORKFLOW_DOCUMENT_VERSION = 1;

/** An exported workflow: its name and draft graph, with secrets emptied and named. */
export type WorkflowDocument = {
  format: typeof WORKFLOW_DOCUMENT_FORMAT;
  version: typeof WORKFLOW_DOCUMENT_VERSION;
  exportedAt: string;
  name: string;
  graph: Graph;
  /** The settings whose values were left out; fill them in after importing. */
  clearedSecrets: ClearedSecret[];
};

/** Why a document cannot be imported, from the outside in. */
export type ImportProblemReason = "format" | "version" | "shape" | "node_types" | "graph";

export type ParsedWorkflowDocument =
  | { ok: true; name: string; graph: Graph }
  | { ok: false; reason: ImportProblemReason; message: string; issues: ImportIssue[] };

/** One thing wrong with a document: where (`path`, `nodeId`, `edgeId`) and what. */
export type ImportIssue = { path?: string; nodeId?: string; edgeId?: string; message: string };

const bodySchema = z.object({ name: workflowNameSchema, graph: graphSchema });

/**
 * Problems a draft may have and still be imported, because the editor lists them to fix: settings
 * to fill in (the emptied secrets among them), a missing trigger, a step not yet connected.
 * Everything else breaks the graph's structure and refuses the document.
 */
const tolerated: ReadonlySet<GraphProblemCode> = new Set([
  "invalid_config",
  "no_trigger",
  "unconnected_node",
]);

/** The document for a workflow's name and a graph already cleared of secrets. */
export function createWorkflowDocument(
  name: string,
  graph: Graph,
  clearedSecrets: ClearedSecret[],
  exportedAt: Date,
): WorkflowDocument {
  return {
    format: WORKFLOW_DOCUMENT_FORMAT,
    version: WORKFLOW_DOCUMENT_VERSION,
    exportedAt: exportedAt.toISOString(),
    name,
    graph,
    clearedSecrets,
  };
}

/**
 * Checks a document from outside, in order: the format marker, the version, the shape of the
 * name and graph, the node types, and the graph's structure. The first step that fails decides
 * the reason and lists all of its issues.
 *
 * @example parseWorkflowDocument({ format: "other" }) // { ok: false, reason: "format", … }
 */
export function parseWorkflowDocument(json: unknown): ParsedWorkflowDocument {
  if (!isRecord(json) || json["format"] !== WORKFLOW_DOCUMENT_FORMAT) {
    const message = `This is not an exported workflow: "format" must be "${WORKFLOW_DOCUMENT_FORMAT}"`;
    return refuse("format", message, [{ path: "format", message }]);
  }
  if (json["version"] !== WORKFLOW_DOCUMENT_VERSION) {
    const message = `Version ${JSON.stringify(json["version"])} cannot be read; this installation reads version ${WORKFLOW_DOCUMENT_VERSION}`;
    return refuse("version", message, [{ path: "version", message }]);
  }

  const body = bodySchema.safeParse(json);
  if (!body.success) {
    const issues = body.error.issues.map((issue) => ({
      path: issue.path.join("."),
      message: issue.message,
    }));
    return refuse("shape", "The workflow's name or graph is not in the expected shape", issues);
  }

  const problems = validateGraph(body.data.graph);
  const unknownTypes = problems.filter((problem) => problem.code === "unknown_node_type");
  if (unknownTypes.length > 0) {
    return refuse("node_types", "The graph uses node types this installation does not have", [
      ...unknownTypes.map(toIssue),
    ]);
  }
  const broken = problems.filter((problem) => !tolerated.has(problem.code));
  if (broken.length > 0) {
    return refuse("graph", "The graph's structure is broken", broken.map(toIssue));
  }
  return { ok: true, name: body.data.name, graph: body.data.graph };
}

function refuse(
  reason: ImportProblemReason,
  message: string,
  issues: ImportIssue[],
): ParsedWorkflowDocument {
  return { ok: false, reason, message, issues };
}

function toIssue(problem: GraphProblem): ImportIssue {
  const { nodeId, edgeId, message } = problem;
  return {
    ...(nodeId === undefined ? {} : { nodeId }),
    ...(edgeId === undefined ? {} : { edgeId }),
    message,
  };
}
