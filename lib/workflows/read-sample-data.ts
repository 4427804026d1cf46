import type { RunStatus } from "../api/views";
import { getDb } from "../db/client";
import { log } from "../log";
import { parseStoredTestEvent } from "./test-event";

/** The trigger data a webhook run gets from a captured request, as a test-event run builds it. */
export type CapturedTriggerData = {
  method: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
};

/**
 * What a workflow's templates can be tried against in the editor: the request its test URL
 * captured last, as trigger data, and its newest started run (a single step tried on its own
 * does not count) with the outputs of the steps that succeeded in it. Everything is as stored,
 * so redacted the way the log and the run page show it.
 */
export type SampleDataView = {
  testEvent: { receivedAt: string; triggerData: CapturedTriggerData } | null;
  lastRun: {
    id: string;
    status: RunStatus;
    createdAt: string;
    triggerData: unknown;
    /** Node id to output, for the steps that succeeded. */
    stepOutputs: Record<string, unknown>;
  } | null;
};

/** A workflow's sample data; null when the workflow is not in the workspace. */
export async function readSampleData(
  workspaceId: string,
  workflowId: string,
): Promise<SampleDataView | null> {
  const db = getDb();
  const workflow = await db.workflow.findFirst({
    where: { id: workflowId, workspaceId },
    select: { id: true, testEvent: true },
  });
  if (!workflow) return null;

  const run = await db.run.findFirst({
    where: { workflowId, workspaceId, status: { not: "queued" }, triggerKind: { not: "step" } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      status: true,
      createdAt: true,
      triggerData: true,
      steps: { where: { status: "succeeded" }, select: { nodeId: true, output: true } },
    },
  });
  const event = parseStoredTestEvent(workflow.id, workflow.testEvent);
  return {
    testEvent: event
      ? {
          receivedAt: event.receivedAt,
          triggerData: {
            method: event.method,
            headers: event.headers,
            query: event.query,
            body: event.body,
          },
        }
      : null,
    lastRun: run
      ? {
          id: run.id,
          status: asRunStatus(run.status),
          createdAt: run.createdAt.toISOString(),
          triggerData: parseStoredJson(run.id, run.triggerData),
          stepOutputs: Object.fromEntries(
            run.steps.map((step) => [step.nodeId, parseStoredJson(run.id, step.output)]),
          ),
        }
      : null,
  };
}

function asRunStatus(status: string): RunStatus {
  return status === "running" || status === "succeeded" || status === "failed" ? status : "queued";
}

/** A stored value that no longer parses is logged and left out rather than failing the read. */
function parseStoredJson(runId: string, text: string | null): unknown {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value;
  } catch {
    log.warn({ runId }, "stored run data is not JSON; leaving it out of the sample data");
    return null;
  }
}
