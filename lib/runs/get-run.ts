import type { RunView } from "../api/views";
import { getDb } from "../db/client";
import { runSummaryInclude, toRunView } from "./run-views";

/** One run of the workspace with its steps in execution order. */
export async function getRun(workspaceId: string, id: string): Promise<RunView | null> {
  const run = await getDb().run.findFirst({
    where: { id, workspaceId },
    include: {
      ...runSummaryInclude,
      steps: {
        orderBy: { position: "asc" },
        include: {
          exchanges: { select: { id: true }, orderBy: { createdAt: "asc" } },
          deliveries: { select: { id: true, messageId: true, status: true, attempts: true } },
        },
      },
    },
  });
  return run ? toRunView(run) : null;
}
