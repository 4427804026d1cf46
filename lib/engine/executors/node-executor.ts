import type { CapturedExchange } from "../../http/captured-exchange";
import type { NetworkPolicy } from "../../http/network-policy";
import type { RedactionRules } from "../../redaction/redaction-rules";
import type { GraphNode } from "../../workflow/graph";
import type { TemplateContext } from "../../workflow/templates";

/** A delivery a step asks for; the run executor stores it with the step, in one transaction. */
export type NewDelivery = {
  id: string;
  messageId: string;
  eventType: string;
  endpointUrl: string;
  headers: Record<string, string>;
  /** The exact bytes every attempt sends (as text): signed anew per attempt, never rebuilt. */
  payload: string;
  timeoutMs: number;
  /** The node's own retry schedule, stored ms comma-separated; null for the installation's. */
  retryScheduleMs?: string | null;
};

/** What executing one node produced. Nothing is written yet: the run executor persists it. */
export type StepResult = {
  ok: boolean;
  /** The node's rendered settings, secrets redacted: what the step worked with. */
  input: unknown;
  output: unknown;
  error: string | null;
  /** The attempts of the step's API call, in order; stored as attempts 1, 2, 3… */
  exchanges: CapturedExchange[];
  deliveries: NewDelivery[];
  /**
   * Set by a step that waits (a Delay): it is recorded as waiting, and the run goes on from it
   * once this time has come.
   */
  waitUntil?: Date;
};

export type ExecutionEnv = {
  policy: NetworkPolicy;
  maxResponseBytes: number;
  /**
   * The installation's redaction rules and stored-body cap, read when an exchange is captured:
   * a process cache, so a change reaches running workers without a restart.
   */
  redaction: () => RedactionRules;
  /** Waits between retries inside a step; tests inject one that does not really wait. */
  sleep?: (ms: number) => Promise<void>;
  /** The time a `Retry-After` date is read against. */
  now?: () => Date;
  /** Returns a number in [0, 1) for the jitter of retries; inject it in tests. */
  random?: () => number;
};

export type NodeExecutor = (
  node: GraphNode,
  context: TemplateContext,
  env: ExecutionEnv,
) => Promise<StepResult>;

/** A step that failed before doing anything, e.g. because a template named a missing value. */
export function failedStep(error: string, input: unknown = null): StepResult {
  return { ok: false, input, output: null, error, exchanges: [], deliveries: [] };
}
