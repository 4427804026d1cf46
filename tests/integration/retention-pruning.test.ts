import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env";
import { getExchange } from "@/lib/exchanges/get-exchange";
import { claimPrune } from "@/lib/retention/prune-claim";
import { pruneRetention, type PruneStepName } from "@/lib/retention/prune-retention";
import { getRetentionView } from "@/lib/retention/get-retention-view";
import { ensureRetentionSettings } from "@/lib/retention/retention-settings";
import {
  clearRetentionTables,
  DAY_MS,
  later,
  seedExchanges,
  seedJob,
  seedRun,
  seedWorkflow,
  type SeededWorkflow,
} from "./support/retention-fixtures";

const db = getDb();
const { database } = getConfig();
let workflow: SeededWorkflow;
let start: Date;

beforeEach(async () => {
  await clearRetentionTables();
  workflow = await seedWorkflow();
  start = new Date();
});

/** One pass with the clock at `now`, no pauses, and the default windows (7 and 30 days). */
function pruneAt(
  now: Date,
  extra: { batchSize?: number; onBatch?: (step: PruneStepName, count: number) => void } = {},
) {
  return pruneRetention({
    db,
    database,
    prunerId: "test-pruner",
    now: () => now,
    pauseMs: 0,
    ...extra,
  });
}

describe("retention pruning", () => {
  it("clears the bodies of exchanges past the body window and keeps the rest of each row", async () => {
    const old = await seedExchanges(workflow, { createdAt: start, count: 3 });
    const recent = await seedExchanges(workflow, {
      createdAt: later(start, 7.5 * DAY_MS),
      count: 2,
    });

    const outcome = await pruneAt(later(start, 8 * DAY_MS));

    expect(outcome).toMatchObject({ ok: true, result: { bodiesCleared: 3, exchangesDeleted: 0 } });
    const rows = await db.exchange.findMany({ where: { id: { in: old } } });
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toMatchObject({
        requestBody: null,
        responseBody: null,
        method: "POST",
        responseStatus: 200,
      });
      expect(row.bodiesPrunedAt).toEqual(later(start, 8 * DAY_MS));
    }
    const kept = await db.exchange.findMany({ where: { id: { in: recent } } });
    expect(kept.every((row) => row.requestBody !== null && row.bodiesPrunedAt === null)).toBe(true);
  });

  it("tells the inspector which bodies retention removed", async () => {
    const [id] = await seedExchanges(workflow, { createdAt: start, count: 1 });
    await db.exchange.update({
      where: { id: id! },
      data: { requestBody: null, requestBodyEncoding: null },
    });

    await pruneAt(later(start, 8 * DAY_MS));

    const view = await getExchange(workflow.workspaceId, id!);
    expect(view).toMatchObject({
      requestBodyPruned: false,
      responseBodyPruned: true,
      responseBody: null,
    });
    expect(view?.bodiesPrunedAt).toBe(later(start, 8 * DAY_MS).toISOString());
  });

  it("deletes exchanges and finished runs past the metadata window, with their steps and deliveries", async () => {
    const finished = await seedRun(workflow, {
      createdAt: start,
      status: "succeeded",
      deliveryStatus: "delivered",
    });
    await seedExchanges(workflow, {
      createdAt: start,
      count: 4,
      runId: finished.runId,
      deliveryId: finished.deliveryId,
    });
    const retrying = await seedRun(workflow, {
      createdAt: start,
      status: "succeeded",
      deliveryStatus: "pending",
    });
    const queued = await seedRun(workflow, { createdAt: start, status: "queued" });
    const recentRun = await seedRun(workflow, {
      createdAt: later(start, 25 * DAY_MS),
      status: "failed",
    });
    const recent = await seedExchanges(workflow, {
      createdAt: later(start, 25 * DAY_MS),
      count: 2,
      runId: recentRun.runId,
    });
    const oldJob = await seedJob("done", start);
    const waitingJob = await seedJob("queued", start);
    const recentJob = await seedJob("done", later(start, 25 * DAY_MS));

    const outcome = await pruneAt(later(start, 31 * DAY_MS));

    expect(outcome).toMatchObject({
      ok: true,
      result: { exchangesDeleted: 4, runsDeleted: 1, jobsDeleted: 1 },
    });
    expect(await db.run.findUnique({ where: { id: finished.runId } })).toBeNull();
    expect(await db.step.count({ where: { runId: finished.runId } })).toBe(0);
    expect(await db.delivery.count({ where: { runId: finished.runId } })).toBe(0);
    // A retry schedule still running and work not yet done are never cut short.
    const keptRuns = await db.run.findMany({ select: { id: true } });
    expect(keptRuns.map((run) => run.id).sort()).toEqual(
      [retrying.runId, queued.runId, recentRun.runId].sort(),
    );
    expect(await db.delivery.count({ where: { id: retrying.deliveryId! } })).toBe(1);
    expect(
      (await db.exchange.findMany({ select: { id: true } })).map((row) => row.id).sort(),
    ).toEqual(recent.sort());
    expect(
      await db.exchange.count({ where: { runId: recentRun.runId, requestBody: { not: null } } }),
    ).toBe(2);
    const jobs = await db.job.findMany({ select: { id: true } });
    expect(jobs.map((job) => job.id).sort()).toEqual([waitingJob, recentJob].sort());
    expect(jobs.some((job) => job.id === oldJob)).toBe(false);
  });

  it("keeps a replay when the exchange it repeats is deleted, without the link", async () => {
    const [original] = await seedExchanges(workflow, { createdAt: start, count: 1 });
    const [replay] = await seedExchanges(workflow, {
      createdAt: later(start, 20 * DAY_MS),
      count: 1,
    });
    await db.exchange.update({ where: { id: replay! }, data: { replayOfId: original! } });

    await pruneAt(later(start, 31 * DAY_MS));

    expect(await db.exchange.findUnique({ where: { id: original! } })).toBeNull();
    expect(await db.exchange.findUnique({ where: { id: replay! } })).toMatchObject({
      replayOfId: null,
    });
  });

  it("changes at most one batch of rows per statement", async () => {
    await seedExchanges(workflow, { createdAt: start, count: 23 });
    const batches: [PruneStepName, number][] = [];

    await pruneAt(later(start, 8 * DAY_MS), {
      batchSize: 5,
      onBatch: (step, count) => batches.push([step, count]),
    });

    const bodyBatches = batches.filter(([step]) => step === "bodies").map(([, count]) => count);
    expect(bodyBatches).toEqual([5, 5, 5, 5, 3]);
    expect(batches.every(([, count]) => count <= 5)).toBe(true);
  });

  it("lets one pruner at a time work, and takes over a claim that ran out", async () => {
    await seedExchanges(workflow, { createdAt: start, count: 2 });
    await ensureRetentionSettings(db);
    const now = later(start, 8 * DAY_MS);
    expect(await claimPrune(db, "other-process", now, 60_000)).toBe(true);

    expect(await pruneAt(now)).toEqual({ ok: false, reason: "claimed" });
    expect(await db.exchange.count({ where: { bodiesPrunedAt: null } })).toBe(2);

    expect(await pruneAt(later(now, 61_000))).toMatchObject({
      ok: true,
      result: { bodiesCleared: 2 },
    });
  });

  it("records what the last pass did for the admin dashboard", async () => {
    await seedExchanges(workflow, { createdAt: start, count: 3 });
    await seedExchanges(workflow, { createdAt: later(start, 20 * DAY_MS), count: 2 });
    const now = later(start, 31 * DAY_MS);

    await pruneAt(now);

    const view = await getRetentionView(db, database, now);
    expect(view).toMatchObject({
      bodyRetentionHours: 168,
      metadataRetentionHours: 720,
      isPruning: false,
      lastPrune: {
        bodiesCleared: 2,
        exchangesDeleted: 3,
        error: null,
        finishedAt: now.toISOString(),
      },
      isFileShrinking: database.kind === "sqlite" ? true : null,
    });
  });
});
