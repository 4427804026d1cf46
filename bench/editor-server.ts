// The server of the editor scenario, in a process of its own: the app as `npm start` serves it
// (the lean node:http server with the built Next app behind it), on the migrated database
// DATABASE_URL names, with an admin the browser signs in as and one draft workflow per size in
// BENCH_EDITOR_NODE_COUNTS, stored through the same operations the editor's API calls.
import { z } from "zod";

import { getDb } from "../lib/db/client";
import { createFirstAdmin } from "../lib/users/create-first-admin";
import { validateGraph } from "../lib/workflow/validate-graph";
import { createWorkflow } from "../lib/workflows/create-workflow";
import { saveDraft } from "../lib/workflows/save-draft";
import { createGridGraph } from "./editor-graph";
import { serveBuiltApp } from "./serve-built-app";

const setupSchema = z.object({
  admin: z.object({ name: z.string(), email: z.string(), password: z.string() }),
  nodeCounts: z.array(z.number().int().min(2)),
});

/** One seeded workflow, as the ready line announces it. */
export type SeededEditorWorkflow = {
  id: string;
  nodes: number;
  edges: number;
  /** The step halfway through the graph, which sits near the middle of the canvas. */
  middleNodeId: string;
};

async function main(): Promise<void> {
  const setup = setupSchema.parse(JSON.parse(process.env.BENCH_EDITOR_SETUP ?? ""));
  const created = await createFirstAdmin(setup.admin);
  if (!created.ok) throw new Error("The database already has users");
  const { workspaceId } = await getDb().user.findUniqueOrThrow({
    where: { id: created.user.id },
    select: { workspaceId: true },
  });

  const workflows: SeededEditorWorkflow[] = [];
  for (const nodeCount of setup.nodeCounts) {
    workflows.push(await seedWorkflow(workspaceId, created.user.id, nodeCount));
  }

  await serveBuiltApp({ workflows });
}

/** Stores the grid graph of `nodeCount` nodes as a new workflow's draft; it must be valid. */
async function seedWorkflow(
  workspaceId: string,
  userId: string,
  nodeCount: number,
): Promise<SeededEditorWorkflow> {
  const graph = createGridGraph(nodeCount);
  const problems = validateGraph(graph);
  if (problems.length > 0) {
    throw new Error(`The ${nodeCount}-node graph has problems: ${problems[0]?.message ?? ""}`);
  }
  const workflow = await createWorkflow(workspaceId, `Editor benchmark, ${nodeCount} nodes`);
  const saved = await saveDraft(workspaceId, userId, workflow.id, graph);
  if (saved === null) throw new Error("The workflow just created was not found");
  return {
    id: workflow.id,
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    middleNodeId: graph.nodes[Math.floor(graph.nodes.length / 2)]?.id ?? "",
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
