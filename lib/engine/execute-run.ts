import type { Db } from "../db/client";
import { publish, wakeWorkers } from "../events/event-bus";
import { recordExchange } from "../exchanges/record-exchange";
import { log } from "../log";
import { endpointConcurrencyKey } from "../deliveries/endpoint-concurrency-key";
import { enqueueJob } from "../queue/enqueue-job";
import type { JobOutcome } from "../queue/worker";
import type { GraphNode } from "../workflow/graph";
import { isNodeLive, type SourceOutcome } from "../workflow/live-edges";
import { planExecution } from "../workflow/plan-execution";
import { respondNodeType } from "../workflow/respond-node-type";
import type { TemplateContext } from "../workflow/templates";
import { parseStoredGraph } from "../workflows/stored-graph";
import { recordRunAnswer } from "./executors/execute-respond";
import { checkWaitingStep, waitOutcome } from "./waiting-step";
import { executors } from "./executors/executors";
import type { ExecutionEnv, StepResult } from "./executors/node-executor";

export type EngineOptions = {
  db: Db;
  env: ExecutionEnv;
  /** Delay before a new delivery's first attempt; the schedule's first entry. */
  firstAttemptDelayMs: number;
  maxDeliveryAttempts: number;
};

type LoadedRun = NonNullable<Awaited<ReturnType<typeof loadRun>>>;

/**
 * Executes a run node by node along its pinned version's graph, recording a step per node.
 * Steps that already succeeded are not run again, so a run picked up again after a crash or
 * restart resumes where it stopped; a step that was in flight runs again (at least once).
 * A node runs when at least one edge into it is live (see `isNodeLive`); a node that only an
 * untaken branch of a Condition leads to is recorded as a `skipped` step. A Delay records its
 * step as `waiting` and ends the job with `retry_at` its end, so no worker waits; the job
 * comes back then and the run goes on after the Delay. A `step` run executes only the node it
 * names, with the template context it was started with.
 */
export async function executeRun(runId: string, options: EngineOptions): Promise<JobOutcome> {
  const run = await loadRun(options.db, runId);
  if (!run || run.status === "succeeded" || run.status === "failed") return { type: "done" };

  const startedAt = run.startedAt ?? new Date();
  if (run.status === "queued") await markRunning(options.db, run, startedAt);
  log.info({ runId, workflowId: run.workflowId }, "run started");

  const graph = parseStoredGraph(run.version.graph);
  const isStepTest = run.triggerKind === "step";
  const plan = isStepTest ? [run.triggerNodeId] : planExecution(graph, run.triggerNodeId);
  const context: TemplateContext = isStepTest
    ? stepTestContext(run.triggerData)
    : { trigger: JSON.parse(run.triggerData), steps: {} };
  const done = new Map(run.steps.filter((s) => s.status === "succeeded").map((s) => [s.nodeId, s]));
  const waiting = new Map(
    run.steps.filter((s) => s.status === "waiting").map((s) => [s.nodeId, s]),
  );
  const outcomes = new Map<string, SourceOutcome>();

  for (const [position, nodeId] of plan.entries()) {
    const node = graph.nodes.find((candidate) => candidate.id === nodeId);
    if (!node) continue;
    const incoming = graph.edges.filter((edge) => edge.target === nodeId);
    if (!isStepTest && nodeId !== run.triggerNodeId && !isNodeLive(incoming, outcomes)) {
      await recordSkippedStep(options.db, run, node, position);
      outcomes.set(nodeId, { status: "skipped" });
      continue;
    }
    const waitingStep = waiting.get(nodeId);
    if (waitingStep) {
      const now = options.env.now?.() ?? new Date();
      const check = await checkWaitingStep(options.db, run.id, waitingStep, now);
      if (check.type === "waiting") return check.outcome;
      context.steps[nodeId] = check.output;
      outcomes.set(nodeId, { status: "ran", nodeType: node.type, output: check.output });
      continue;
    }
    const previous = done.get(nodeId);
    if (previous) {
      context.steps[nodeId] = previous.output === null ? null : JSON.parse(previous.output);
      outcomes.set(nodeId, { status: "ran", nodeType: node.type, output: context.steps[nodeId] });
      continue;
    }
    const result = await executeStep(options, run, node, position, context);
    if (!result.ok)
      return finishRun(options.db, run, startedAt, `${nodeId}: ${result.error ?? "failed"}`);
    if (result.waitUntil) return waitOutcome(nodeId, result.waitUntil);
    context.steps[nodeId] = result.output;
    outcomes.set(nodeId, { status: "ran", nodeType: node.type, output: result.output });
  }
  return finishRun(options.db, run, startedAt, null);
}

/** The context a single step runs with, as `startStepRun` stored it. */
function stepTestContext(stored: string): TemplateContext {
  const value = JSON.parse(stored) as Partial<TemplateContext> | null;
  const steps = value?.steps;
  return {
    trigger: value?.trigger ?? null,
    steps: typeof steps === "object" && steps !== null && !Array.isArray(steps) ? steps : {},
  };
}

/**
 * Records that a node did not run because only untaken branches lead to it. Skipped steps
 * have no output, so templates that name them fail in the steps after.
 */
async function recordSkippedStep(db: Db, run: LoadedRun, node: GraphNode, position: number) {
  const now = new Date();
  const fields = { status: "skipped", startedAt: now, finishedAt: now, durationMs: 0 };
  await db.step.upsert({
    where: { runId_nodeId: { runId: run.id, nodeId: node.id } },
    create: { runId: run.id, nodeId: node.id, nodeType: node.type, position, ...fields },
    update: fields,
  });
  log.info({ runId: run.id, nodeId: node.id }, "step skipped: its branch was not taken");
}

function loadRun(db: Db, runId: string) {
  return db.run.findUnique({
    where: { id: runId },
    include: {
      version: { select: { graph: true } },
      steps: { select: { id: true, nodeId: true, status: true, output: true, startedAt: true } },
    },
  });
}

async function markRunning(db: Db, run: LoadedRun, startedAt: Date): Promise<void> {
  await db.run.update({ where: { id: run.id }, data: { status: "running", startedAt } });
  publish({
    workspaceId: run.workspaceId,
    event: { type: "run.updated", id: run.id, workflowId: run.workflowId, status: "running" },
  });
}

async function executeStep(
  options: EngineOptions,
  run: LoadedRun,
  node: GraphNode,
  position: number,
  context: TemplateContext,
): Promise<StepResult> {
  const { db } = options;
  const startedAt = new Date();
  const step = await db.step.upsert({
    where: { runId_nodeId: { runId: run.id, nodeId: node.id } },
    create: {
      runId: run.id,
      nodeId: node.id,
      nodeType: node.type,
      position,
      status: "running",
      startedAt,
    },
    update: { status: "running", startedAt, error: null },
    select: { id: true },
  });

  const result = await runExecutor(options, run, node, context);
  const finishedAt = new Date();

  const { exchangeIds, hasAnswered } = await db.$transaction(async (tx) => {
    const isWaiting = result.ok && result.waitUntil !== undefined;
    await tx.step.update({
      where: { id: step.id },
      data: {
        status: isWaiting ? "waiting" : result.ok ? "succeeded" : "failed",
        input: JSON.stringify(result.input),
        output: JSON.stringify(result.output),
        error: result.error,
        finishedAt: isWaiting ? null : finishedAt,
        durationMs: isWaiting ? null : finishedAt.getTime() - startedAt.getTime(),
      },
    });
    const links = {
      workspaceId: run.workspaceId,
      workflowId: run.workflowId,
      runId: run.id,
      stepId: step.id,
    };
    const ids = [];
    for (const [index, exchange] of result.exchanges.entries()) {
      const numbered = { ...links, attempt: index + 1 };
      ids.push((await recordExchange(tx, "api_call", numbered, exchange)).id);
    }
    for (const delivery of result.deliveries) {
      await tx.delivery.create({
        data: {
          ...delivery,
          headers: JSON.stringify(delivery.headers),
          workspaceId: run.workspaceId,
          workflowId: run.workflowId,
          runId: run.id,
          stepId: step.id,
          status: "pending",
          maxAttempts: options.maxDeliveryAttempts,
          nextAttemptAt: new Date(finishedAt.getTime() + options.firstAttemptDelayMs),
        },
      });
      await enqueueJob(tx, {
        kind: "attempt_delivery",
        subjectId: delivery.id,
        runAt: new Date(finishedAt.getTime() + options.firstAttemptDelayMs),
        concurrencyKey: endpointConcurrencyKey(delivery.endpointUrl),
      });
    }
    // A Respond step's answer is stored with the step, so neither is committed without the other.
    const hasAnswered =
      result.ok &&
      node.type === respondNodeType.type &&
      (await recordRunAnswer(tx, run.id, result.output));
    return { exchangeIds: ids, hasAnswered };
  });

  for (const id of exchangeIds) {
    publish({
      workspaceId: run.workspaceId,
      event: { type: "exchange.created", id, workflowId: run.workflowId, runId: run.id },
    });
  }
  if (hasAnswered) {
    publish({
      workspaceId: run.workspaceId,
      event: { type: "run.responded", id: run.id, workflowId: run.workflowId },
    });
  }
  if (result.deliveries.length > 0) wakeWorkers();
  if (result.waitUntil) {
    // The run page refreshes on this, so it shows the step waiting.
    publish({
      workspaceId: run.workspaceId,
      event: { type: "run.updated", id: run.id, workflowId: run.workflowId, status: "running" },
    });
  }
  log.info({ runId: run.id, nodeId: node.id, ok: result.ok, error: result.error }, "step finished");
  return result;
}

async function runExecutor(
  options: EngineOptions,
  run: LoadedRun,
  node: GraphNode,
  context: TemplateContext,
): Promise<StepResult> {
  if (node.id === run.triggerNodeId && run.triggerKind !== "step") {
    return {
      ok: true,
      input: null,
      output: context.trigger,
      error: null,
      exchanges: [],
      deliveries: [],
    };
  }
  const executor = executors[node.type];
  if (!executor) {
    return {
      ok: false,
      input: null,
      output: null,
      error: `Nodes of type ${node.type} cannot run here`,
      exchanges: [],
      deliveries: [],
    };
  }
  return executor(node, context, options.env);
}

async function finishRun(
  db: Db,
  run: LoadedRun,
  startedAt: Date,
  error: string | null,
): Promise<JobOutcome> {
  const finishedAt = new Date();
  const status = error === null ? "succeeded" : "failed";
  await db.run.update({
    where: { id: run.id },
    data: { status, error, finishedAt, durationMs: finishedAt.getTime() - startedAt.getTime() },
  });
  publish({
    workspaceId: run.workspaceId,
    event: { type: "run.updated", id: run.id, workflowId: run.workflowId, status },
  });
  log.info({ runId: run.id, workflowId: run.workflowId, status, error }, "run finished");
  return { type: "done" };
}
