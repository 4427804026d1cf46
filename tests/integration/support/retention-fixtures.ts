import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Time moved forward from `start` by `ms`, for "a week later" clocks. */
export function later(start: Date, ms: number): Date {
  return new Date(start.getTime() + ms);
}

/** A workspace with one workflow and its first version, to hang runs and exchanges on. */
export async function seedWorkflow(): Promise<{
  workspaceId: string;
  workflowId: string;
  versionId: string;
}> {
  const db = getDb();
  const workspace = await db.workspace.create({ data: { name: "Retention" } });
  const workflow = await db.workflow.create({
    data: {
      workspaceId: workspace.id,
      name: "Kept for a while",
      token: randomUUID().replaceAll("-", ""),
      draftGraph: '{"nodes":[],"edges":[]}',
    },
  });
  const version = await db.workflowVersion.create({
    data: { workflowId: workflow.id, number: 1, graph: '{"nodes":[],"edges":[]}' },
  });
  return { workspaceId: workspace.id, workflowId: workflow.id, versionId: version.id };
}

export type SeededWorkflow = Awaited<ReturnType<typeof seedWorkflow>>;

type RunSeed = {
  createdAt: Date;
  status: "queued" | "running" | "succeeded" | "failed";
  /** Adds a step with a Send webhook delivery in this state. */
  deliveryStatus?: "pending" | "delivered" | "failed";
};

/** A run created at `createdAt`, with one step and optionally one delivery. */
export async function seedRun(workflow: SeededWorkflow, seed: RunSeed) {
  const db = getDb();
  const run = await db.run.create({
    data: {
      workspaceId: workflow.workspaceId,
      workflowId: workflow.workflowId,
      versionId: workflow.versionId,
      triggerKind: "webhook",
      triggerNodeId: "webhook1",
      triggerData: "{}",
      status: seed.status,
      createdAt: seed.createdAt,
    },
  });
  const step = await db.step.create({
    data: {
      runId: run.id,
      nodeId: "send1",
      nodeType: "send-webhook",
      position: 1,
      status: "succeeded",
      startedAt: seed.createdAt,
    },
  });
  const delivery = seed.deliveryStatus
    ? await db.delivery.create({
        data: {
          workspaceId: workflow.workspaceId,
          workflowId: workflow.workflowId,
          runId: run.id,
          stepId: step.id,
          messageId: `msg_${randomUUID()}`,
          eventType: "order.created",
          endpointUrl: "https://receiver.example.test/hook",
          payload: "{}",
          status: seed.deliveryStatus,
          maxAttempts: 8,
          timeoutMs: 5_000,
          createdAt: seed.createdAt,
        },
      })
    : null;
  return { runId: run.id, stepId: step.id, deliveryId: delivery?.id ?? null };
}

type ExchangeSeed = {
  createdAt: Date;
  count: number;
  /** Characters in each of the request and response bodies. */
  bodyChars?: number;
  runId?: string | null;
  deliveryId?: string | null;
};

/** `count` webhook attempts created at `createdAt` with request and response bodies. */
export async function seedExchanges(
  workflow: SeededWorkflow,
  seed: ExchangeSeed,
): Promise<string[]> {
  const db = getDb();
  const ids = Array.from({ length: seed.count }, () => randomUUID());
  // Bodies differ per row, so SQLite cannot store them in fewer pages than their size.
  const body = (id: string) => `${id}:${"x".repeat(Math.max(0, (seed.bodyChars ?? 64) - 37))}`;
  for (let start = 0; start < ids.length; start += 100) {
    await db.exchange.createMany({
      data: ids.slice(start, start + 100).map((id) => ({
        id,
        workspaceId: workflow.workspaceId,
        workflowId: workflow.workflowId,
        runId: seed.runId ?? null,
        deliveryId: seed.deliveryId ?? null,
        kind: "webhook_attempt",
        outcome: "success",
        attempt: 1,
        method: "POST",
        url: "https://receiver.example.test/hook",
        requestHeaders: "{}",
        requestBody: body(id),
        requestBodyEncoding: "utf8",
        responseStatus: 200,
        responseHeaders: "{}",
        responseBody: body(id),
        responseBodyEncoding: "utf8",
        durationMs: 12,
        createdAt: seed.createdAt,
      })),
    });
  }
  return ids;
}

/** A job in `status`, last touched at `at`. */
export async function seedJob(status: "queued" | "done" | "failed", at: Date): Promise<string> {
  const job = await getDb().job.create({
    data: {
      kind: "execute_run",
      subjectId: randomUUID(),
      status,
      runAt: at,
      createdAt: at,
      updatedAt: at,
    },
  });
  return job.id;
}

/** Empties what retention touches, so each test starts from a known log. */
export async function clearRetentionTables(): Promise<void> {
  const db = getDb();
  await db.exchange.deleteMany();
  await db.run.deleteMany();
  await db.job.deleteMany();
  await db.retentionSettings.deleteMany();
}
