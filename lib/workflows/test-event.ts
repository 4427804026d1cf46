import { z } from "zod";
import { getDb } from "../db/client";
import type { TestEvent } from "../ingest/test-capture";
import { log } from "../log";
import { afterWorkflowChange } from "../ingest/inbound-workflow-cache";

/** How long the test URL captures after someone clicks Listen. */
export const testListenMs = 2 * 60_000;

/** The test URL's state: whether it is listening, and the last request it captured. */
export type TestEventView = {
  /** Until when the test URL captures the next request; null when it is not listening. */
  listeningUntil: string | null;
  event: TestEvent | null;
};

const testEventSchema = z.object({
  receivedAt: z.string(),
  method: z.string(),
  path: z.string(),
  query: z.record(z.string(), z.string()),
  headers: z.record(z.string(), z.string()),
  body: z.unknown(),
  bodyEncoding: z.enum(["json", "form", "text", "base64", "empty"]),
  verification: z.union([
    z.object({ ok: z.literal(true) }),
    z.object({ ok: z.literal(false), reason: z.string() }),
  ]),
  exchangeId: z.string(),
});

type TestEventRow = { id: string; testListenUntil: Date | null; testEvent: string | null };

const testEventSelect = { id: true, testListenUntil: true, testEvent: true } as const;

/**
 * Opens the test URL for the next request, for {@link testListenMs} from `now`. The last
 * captured event stays until a new one replaces it. Null when the workflow is not in the
 * workspace.
 */
export async function listenForTestEvent(
  workspaceId: string,
  workflowId: string,
  now: Date = new Date(),
): Promise<TestEventView | null> {
  return setListenUntil(workspaceId, workflowId, new Date(now.getTime() + testListenMs), now);
}

/** Closes the test URL at once. Null when the workflow is not in the workspace. */
export async function stopListeningForTestEvent(
  workspaceId: string,
  workflowId: string,
  now: Date = new Date(),
): Promise<TestEventView | null> {
  return setListenUntil(workspaceId, workflowId, null, now);
}

/** The test URL's state as of `now`. Null when the workflow is not in the workspace. */
export async function readTestEvent(
  workspaceId: string,
  workflowId: string,
  now: Date = new Date(),
): Promise<TestEventView | null> {
  const row = await getDb().workflow.findFirst({
    where: { id: workflowId, workspaceId },
    select: testEventSelect,
  });
  return row ? toTestEventView(row, now) : null;
}

/**
 * The captured event stored on a workflow, parsed; null when there is none. A stored event
 * that no longer parses is logged and treated as none, so a fresh capture can replace it.
 */
export function parseStoredTestEvent(workflowId: string, text: string | null): TestEvent | null {
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = testEventSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  log.warn({ workflowId }, "stored test event is malformed; ignoring it");
  return null;
}

async function setListenUntil(
  workspaceId: string,
  workflowId: string,
  listenUntil: Date | null,
  now: Date,
): Promise<TestEventView | null> {
  const { count } = await afterWorkflowChange(
    getDb().workflow.updateMany({
      where: { id: workflowId, workspaceId },
      data: { testListenUntil: listenUntil },
    }),
  );
  if (count === 0) return null;
  const row = await getDb().workflow.findUniqueOrThrow({
    where: { id: workflowId },
    select: testEventSelect,
  });
  return toTestEventView(row, now);
}

function toTestEventView(row: TestEventRow, now: Date): TestEventView {
  const until = row.testListenUntil;
  return {
    listeningUntil: until !== null && until > now ? until.toISOString() : null,
    event: parseStoredTestEvent(row.id, row.testEvent),
  };
}
