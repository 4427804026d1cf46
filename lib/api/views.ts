/**
 * The JSON shapes the API answers with, shared by route handlers and browser code. Dates travel
 * as ISO strings. Stored JSON (graphs, headers, step data) arrives parsed.
 */
import type { BodyEncoding } from "../http/captured-exchange";
import type { InboundReadiness } from "../ingest/inbound-readiness";
import type { Graph } from "../workflow/graph";
import type { GraphProblem } from "../workflow/validate-graph";
import type { VerificationKind } from "../workflow/webhook-trigger-node-type";

export type WorkflowView = {
  id: string;
  name: string;
  /** Path of the inbound URL, e.g. "/hooks/Xy…"; the browser prefixes its own origin. */
  inboundPath: string;
  isActive: boolean;
  draft: Graph;
  problems: GraphProblem[];
  activeVersion: { id: string; number: number; createdAt: string } | null;
  /** The draft differs from the version production runs. */
  hasUnpublishedChanges: boolean;
  inbound: InboundView;
  createdAt: string;
  updatedAt: string;
};

/** The state of a workflow's inbound URLs, as the editor shows it. */
export type InboundView = {
  /** Path of the test URL, e.g. "/hooks/Xy…/test"; it captures requests while listening. */
  testPath: string;
  /** Whether the production URL accepts events now and, if not, the first reason why. */
  readiness: InboundReadiness;
  /** The stored verification secret's last characters, e.g. "…a1b2"; null when none is set. */
  secretHint: string | null;
  /** How the live version verifies senders; null when no live version has a Webhook trigger. */
  activeVerification: VerificationKind | null;
};

/** A published snapshot of a workflow's graph, as its version history lists it. */
export type WorkflowVersionSummaryView = {
  number: number;
  createdAt: string;
  /** Who published it (or ran the draft it pins); null once that user was deleted. */
  createdBy: { name: string; email: string } | null;
  /** Production runs this version: the workflow is active and this is its active version. */
  isLive: boolean;
};

export type WorkflowVersionView = WorkflowVersionSummaryView & { graph: Graph };

export type WorkflowSummaryView = {
  id: string;
  name: string;
  isActive: boolean;
  nodeCount: number;
  problemCount: number;
  lastRun: { id: string; status: RunStatus; versionNumber: number; createdAt: string } | null;
  updatedAt: string;
};

export type RunStatus = "queued" | "running" | "succeeded" | "failed";
/**
 * `skipped`: only an untaken branch of a Condition led to the node. `waiting`: a Delay waits,
 * its output says until when.
 */
export type StepStatus = "running" | "succeeded" | "failed" | "skipped" | "waiting";

export type RunSummaryView = {
  id: string;
  workflowId: string;
  workflowName: string;
  versionNumber: number;
  triggerKind: "webhook" | "manual" | "schedule" | "step";
  status: RunStatus;
  error: string | null;
  createdAt: string;
  durationMs: number | null;
};

export type StepView = {
  id: string;
  nodeId: string;
  nodeType: string;
  position: number;
  status: StepStatus;
  input: unknown;
  output: unknown;
  error: string | null;
  startedAt: string;
  durationMs: number | null;
  exchangeIds: string[];
  deliveries: { id: string; messageId: string; status: DeliveryStatus; attempts: number }[];
};

export type RunView = RunSummaryView & {
  /** The run this one re-runs with the same trigger data; null for a run a trigger started. */
  rerunOfId: string | null;
  triggerData: unknown;
  steps: StepView[];
};

export type DeliveryStatus = "pending" | "delivered" | "failed";
export type ExchangeKind = "inbound" | "api_call" | "webhook_attempt";
export type ExchangeOutcome = "success" | "client_error" | "server_error" | "failed" | "other";
/**
 * Why an exchange got no usable answer: no answer in time, refused before sending (or an
 * inbound request turned away), the connection failed, an inbound signature did not verify,
 * or something else (a response too large, say).
 */
/** What the log can be filtered by kind: `replay` is any exchange that replays another. */
export type ExchangeKindFilter = ExchangeKind | "replay";
/** What the log can be filtered by outcome: the stored outcomes, or why an answer failed. */
export type ExchangeOutcomeFilter =
  Exclude<ExchangeOutcome, "other"> | "timeout" | "refused" | "signature_failed";
export type ExchangeFailure = "timeout" | "refused" | "connection" | "signature" | "other";

export type ExchangeSummaryView = {
  id: string;
  kind: ExchangeKind;
  outcome: ExchangeOutcome;
  workflowId: string | null;
  workflowName: string | null;
  runId: string | null;
  deliveryId: string | null;
  attempt: number | null;
  method: string;
  url: string;
  responseStatus: number | null;
  durationMs: number;
  error: string | null;
  failure: ExchangeFailure | null;
  /** The lower-cased host of an outbound exchange's URL; null for inbound exchanges. */
  host: string | null;
  /** A webhook attempt's message id, or the one an inbound request carried. */
  messageId: string | null;
  /**
   * The exchange this one repeats: for a re-run's inbound exchange, the request that started
   * the original run; for a resent delivery's attempt, the attempt before it.
   */
  replayOfId: string | null;
  createdAt: string;
};

export type ExchangeView = ExchangeSummaryView & {
  stepId: string | null;
  /** The step's node label, or its node type without one; null without a step. */
  stepName: string | null;
  /** Milliseconds from the start to the socket being connected; null where not measured. */
  connectMs: number | null;
  /** Milliseconds from the start to the response's first byte; null where not measured. */
  firstByteMs: number | null;
  requestHeaders: Record<string, string>;
  requestBody: string | null;
  requestBodyTruncated: boolean;
  /** How a stored body is written: `base64` when its bytes were not UTF-8; null without one. */
  requestBodyEncoding: BodyEncoding | null;
  responseHeaders: Record<string, string> | null;
  responseBody: string | null;
  responseBodyTruncated: boolean;
  responseBodyEncoding: BodyEncoding | null;
  /**
   * When retention cleared this exchange's bodies; the flags say which of the two had one, so
   * the inspector can tell a removed body from one that never was.
   */
  bodiesPrunedAt: string | null;
  requestBodyPruned: boolean;
  responseBodyPruned: boolean;
  /** The newest exchanges that replay this one, newest first, at most ten of them. */
  replayIds: string[];
  /** How many exchanges replay this one in all; more than `replayIds` holds when over ten. */
  replayCount: number;
};

/**
 * One page of the log. With a text search, `search` says how many exchanges below the cursor it
 * looked at and whether it stopped there with older ones unsearched; `nextCursor` then continues
 * below the last exchange looked at.
 */
export type ExchangePage = {
  exchanges: ExchangeSummaryView[];
  nextCursor: string | null;
  search: { scanLimit: number; limitReached: boolean } | null;
};

export type AdminStatsView = {
  workflows: { total: number; active: number };
  runs: { lastHour: number; lastDay: number; succeededLastDay: number; failedLastDay: number };
  /** Share of finished runs in the last day that succeeded, 0..1; null when none finished. */
  runSuccessRate: number | null;
  runDurationMs: { p50: number | null; p95: number | null };
  exchanges: { lastHour: number; lastDay: number };
  failingEndpoints: {
    url: string;
    failures: number;
    lastStatus: number | null;
    lastError: string | null;
  }[];
  /** Endpoints that no longer receive deliveries until someone re-enables them. */
  disabledEndpoints: EndpointView[];
  queue: { queued: number; running: number; scheduled: number; failed: number };
  worker: {
    mode: "embedded" | "external";
    isRunning: boolean;
    lastHeartbeatAt: string | null;
    processedJobs: number;
  };
};

/** The installation's redaction settings, with their bounds and the built-in rules. */
export type RedactionView = {
  /** Extra header names redacted, lower case. */
  headerNames: string[];
  /** Body paths redacted, in the path syntax. */
  jsonPaths: string[];
  maxStoredBodyBytes: number;
  /** The cap from SWITCHYARD_MAX_STORED_BODY_BYTES, used until an admin sets one. */
  defaultMaxStoredBodyBytes: number;
  minStoredBodyBytes: number;
  maxAllowedStoredBodyBytes: number;
  /** What is redacted whatever the settings say. */
  builtIn: { headerNames: string[]; headerNameFragments: string[] };
};

/** The installation's retention settings and what the last prune did, for the admin dashboard. */
export type RetentionView = {
  bodyRetentionHours: number;
  metadataRetentionHours: number;
  /** A pruner holds the claim now, in this process or another. */
  isPruning: boolean;
  lastPrune: {
    startedAt: string | null;
    finishedAt: string;
    bodiesCleared: number;
    exchangesDeleted: number;
    runsDeleted: number;
    jobsDeleted: number;
    /** What SQLite gave back to the file system; null on PostgreSQL, which reuses the space. */
    pagesFreed: number | null;
    bytesFreed: number | null;
    error: string | null;
  } | null;
  /** The SQLite file shrinks after pruning (incremental vacuum); null on PostgreSQL. */
  isFileShrinking: boolean | null;
};

/** A receiver URL of outbound webhooks and whether deliveries still go to it. */
export type EndpointView = {
  id: string;
  url: string;
  status: "active" | "disabled";
  /** Start of the current run of failed attempts; null while it succeeds. */
  failingSince: string | null;
  disabledAt: string | null;
  disabledReason: string | null;
};

export type UserView = {
  id: string;
  name: string;
  email: string;
  role: "admin" | "editor" | "viewer";
  createdAt: string;
};

/** Server-Sent Event payloads on /api/events. */
export type LiveEvent =
  | { type: "exchange.created"; id: string; workflowId: string | null; runId: string | null }
  | { type: "run.updated"; id: string; workflowId: string; status: RunStatus }
  | { type: "delivery.updated"; id: string; runId: string; status: DeliveryStatus }
  /** A Respond node has set the answer to the request that started the run. */
  | { type: "run.responded"; id: string; workflowId: string }
  /** The workflow's test URL captured a request; the editor shows it. */
  | { type: "test-event.captured"; workflowId: string };

/** Why a finished delivery stopped: delivered, or failed, and whether its endpoint was disabled. */
export type DeliveryEnding = "delivered" | "failed" | "endpoint_disabled";

/** One delivery with every attempt of it, for the timeline in the exchange inspector. */
export type DeliveryTimelineView = {
  id: string;
  messageId: string;
  status: DeliveryStatus;
  eventType: string;
  endpointUrl: string;
  runId: string;
  attemptsMade: number;
  maxAttempts: number;
  /** Delays between attempts in ms the delivery was fixed with; the first attempt is not in it. */
  scheduleMs: number[];
  /** The node set its own schedule; otherwise the installation's applies. */
  isOwnSchedule: boolean;
  /** When the next attempt is due while the delivery is pending; null once it has ended. */
  nextAttemptAt: string | null;
  /** The delays planned after the next attempt, should it fail too. */
  remainingDelaysMs: number[];
  /** How it ended; null while pending. */
  ending: DeliveryEnding | null;
  lastStatus: number | null;
  /** Why the last attempt did not deliver, or why the delivery failed without an attempt. */
  lastError: string | null;
  createdAt: string;
  /** Every attempt's exchange in attempt order. */
  attempts: ExchangeSummaryView[];
};

/**
 * What a replay with edits answers: the new exchange; the run it started, for an inbound
 * exchange; and why an outbound replay got no answer, when it did not.
 */
export type ReplayResultView = {
  exchangeId: string;
  runId: string | null;
  failure: { reason: string; message: string } | null;
};
