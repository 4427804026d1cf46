import type { Tx } from "../../db/client";
import type { RunAnswer } from "../../ingest/run-answer";
import { respondConfigSchema, type RespondConfig } from "../../workflow/respond-node-type";
import { failedStep, type NodeExecutor } from "./node-executor";
import { renderNodeConfig } from "./render-node-config";

/** Statuses whose answers carry no body, by the HTTP specification. */
const bodylessStatuses: ReadonlySet<number> = new Set([204, 205, 304]);

/**
 * Builds the answer to the request that started the run from the rendered settings: the
 * status, the headers, and the body as text. The answer is the step's output; the run
 * executor stores it on the run with {@link recordRunAnswer}. Nothing is sent from here, and
 * the run goes on to the nodes after this one.
 */
export const executeRespond: NodeExecutor = async (node, context) => {
  const rendered = renderNodeConfig(node, context, (value) => respondConfigSchema.safeParse(value));
  if (!rendered.ok) return failedStep(rendered.error);
  const { config, redacted } = rendered;

  const body = bodylessStatuses.has(config.status) ? "" : config.body;
  const answer: RunAnswer = { status: config.status, headers: answerHeaders(config, body), body };
  return { ok: true, input: redacted, output: answer, error: null, exchanges: [], deliveries: [] };
};

/**
 * Stores a Respond step's answer on its run unless the run already has one, in the
 * transaction that records the step: the first Respond a run reaches answers, even when a
 * worker that lost its lease executes the same run again. Returns whether this answer was
 * stored, so the caller announces it once the transaction has committed.
 */
export async function recordRunAnswer(tx: Tx, runId: string, answer: unknown): Promise<boolean> {
  const { count } = await tx.run.updateMany({
    where: { id: runId, response: null },
    data: { response: JSON.stringify(answer) },
  });
  return count > 0;
}

/** A body is labelled JSON when it parses as JSON, else plain text, unless the node says. */
function answerHeaders(config: RespondConfig, body: string): Record<string, string> {
  const hasContentType = Object.keys(config.headers).some(
    (name) => name.toLowerCase() === "content-type",
  );
  if (hasContentType || body === "") return config.headers;

  const contentType = isJson(body) ? "application/json" : "text/plain; charset=utf-8";
  return { ...config.headers, "content-type": contentType };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
