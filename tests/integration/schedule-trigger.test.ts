import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDb, getDb, type Db } from "@/lib/db/client";
import { getConfig } from "@/lib/env";
import { fireDueSchedules } from "@/lib/schedules/fire-due-schedules";
import { startScheduler } from "@/lib/schedules/start-scheduler";
import type { Graph } from "@/lib/workflow/graph";
import { saveDraft } from "@/lib/workflows/save-draft";
import { deactivateWorkflow } from "@/lib/workflows/set-workflow-active";
import { eventually } from "./support/run-worker";
import { createTestUser, type TestUser } from "./support/session";
import { createActiveWorkflow } from "./support/workflow-fixture";

let editor: TestUser;
/**
 * The second worker's client. On PostgreSQL it is a client of its own, as a second process
 * holds, so the two claims really race. better-sqlite3 waits for a file lock synchronously, so
 * a second SQLite client in this process would block the first; there both share one client
 * and interleave at every await instead.
 */
let otherWorkerDb: Db;

beforeAll(async () => {
  editor = await createTestUser("editor");
  const { database } = getConfig();
  otherWorkerDb = database.kind === "postgresql" ? createDb(database) : getDb();
});

const activeWorkflowIds: string[] = [];

/** Each test's schedules stop with it, so they do not fire at the next test's times. */
afterEach(async () => {
  for (const id of activeWorkflowIds.splice(0)) {
    await deactivateWorkflow(editor.workspaceId, id);
  }
});

async function activeScheduledWorkflow(graph: Graph) {
  const workflow = await createActiveWorkflow(editor, graph);
  activeWorkflowIds.push(workflow.id);
  return workflow;
}

afterAll(async () => {
  if (otherWorkerDb !== getDb()) await otherWorkerDb.$disconnect();
});

function scheduledGraph(cron: string, timezone = "UTC"): Graph {
  return {
    nodes: [
      {
        id: "schedule1",
        type: "schedule-trigger",
        position: { x: 0, y: 0 },
        config: { cron, timezone },
      },
      {
        id: "transform1",
        type: "transform",
        position: { x: 0, y: 150 },
        config: { expression: "trigger.scheduledAt" },
      },
    ],
    edges: [{ id: "e1", source: "schedule1", target: "transform1" }],
  };
}

/** Both workers look at the same moment, as two processes whose passes line up would. */
async function bothWorkersLookAt(iso: string): Promise<number> {
  const now = new Date(iso);
  const [first, second] = await Promise.all([
    fireDueSchedules(getDb(), now),
    fireDueSchedules(otherWorkerDb, now),
  ]);
  return first + second;
}

async function scheduledTimes(workflowId: string): Promise<string[]> {
  const runs = await getDb().run.findMany({
    where: { workflowId },
    orderBy: { createdAt: "asc" },
    select: { triggerKind: true, triggerData: true },
  });
  return runs.map((run) => {
    const data = JSON.parse(run.triggerData) as { scheduledAt: string };
    return `${run.triggerKind} ${data.scheduledAt}`;
  });
}

describe("a Schedule trigger", () => {
  it("starts one run per tick with two workers looking, and none for ticks before it was live", async () => {
    const workflow = await activeScheduledWorkflow(scheduledGraph("*/5 * * * *"));

    expect(await bothWorkersLookAt("2030-01-01T10:03:00Z")).toBe(0);
    expect(await bothWorkersLookAt("2030-01-01T10:04:59Z")).toBe(0);
    expect(await bothWorkersLookAt("2030-01-01T10:05:00Z")).toBe(1);
    expect(await bothWorkersLookAt("2030-01-01T10:05:02Z")).toBe(0);
    expect(await bothWorkersLookAt("2030-01-01T10:10:01Z")).toBe(1);

    expect(await scheduledTimes(workflow.id)).toEqual([
      "schedule 2030-01-01T10:05:00.000Z",
      "schedule 2030-01-01T10:10:00.000Z",
    ]);
    const jobs = await getDb().job.count({ where: { kind: "execute_run", status: "queued" } });
    expect(jobs).toBeGreaterThanOrEqual(2);
  });

  it("fires once for ticks missed while no worker ran, then keeps to the schedule", async () => {
    const workflow = await activeScheduledWorkflow(scheduledGraph("0 * * * *"));
    await bothWorkersLookAt("2031-05-01T08:30:00Z");

    expect(await bothWorkersLookAt("2031-05-01T13:20:00Z")).toBe(1);
    expect(await bothWorkersLookAt("2031-05-01T14:00:00Z")).toBe(1);

    expect(await scheduledTimes(workflow.id)).toEqual([
      "schedule 2031-05-01T09:00:00.000Z",
      "schedule 2031-05-01T14:00:00.000Z",
    ]);
  });

  it("reads the cron in its time zone and starts anew when the published schedule changes", async () => {
    const workflow = await activeScheduledWorkflow(scheduledGraph("0 9 * * *", "Asia/Tokyo"));
    await bothWorkersLookAt("2032-01-31T23:59:00Z");
    expect(await bothWorkersLookAt("2032-02-01T00:00:01Z")).toBe(1);
    expect(await scheduledTimes(workflow.id)).toEqual(["schedule 2032-02-01T00:00:00.000Z"]);

    // Saving an active workflow with a valid graph publishes it at once.
    await saveDraft(
      editor.workspaceId,
      editor.id,
      workflow.id,
      scheduledGraph("30 9 * * *", "UTC"),
    );
    expect(await bothWorkersLookAt("2032-02-01T09:00:00Z")).toBe(0);
    expect(await bothWorkersLookAt("2032-02-01T09:30:00Z")).toBe(1);

    await deactivateWorkflow(editor.workspaceId, workflow.id);
    expect(await bothWorkersLookAt("2032-02-02T09:30:00Z")).toBe(0);
    expect(await getDb().schedule.count({ where: { workflowId: workflow.id } })).toBe(0);
  });

  it("is fired once per tick by two running schedulers that share a clock", async () => {
    const workflow = await activeScheduledWorkflow(scheduledGraph("0 12 * * *"));
    let clock = new Date("2033-06-01T11:59:00Z");
    const schedulers = [getDb(), otherWorkerDb].map((db) =>
      startScheduler({ db, intervalMs: 20, now: () => clock }),
    );
    try {
      await eventually(() => getDb().schedule.findFirst({ where: { workflowId: workflow.id } }));
      clock = new Date("2033-06-01T12:00:00Z");
      await eventually(async () => (await scheduledTimes(workflow.id)).length > 0);
      // Both schedulers go round many more times at the same moment.
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      await Promise.all(schedulers.map((scheduler) => scheduler.stop()));
    }

    expect(await scheduledTimes(workflow.id)).toEqual(["schedule 2033-06-01T12:00:00.000Z"]);
  });
});
