/** One stored exchange of the delivery log scenario, column by column. */
export type LogExchangeRow = {
  id: string;
  workflowId: string;
  runId: string;
  kind: "inbound" | "api_call" | "webhook_attempt";
  outcome: "success" | "client_error" | "server_error" | "failed";
  attempt: number | null;
  method: string;
  url: string;
  requestHeaders: string;
  requestBody: string;
  responseStatus: number | null;
  responseHeaders: string | null;
  responseBody: string | null;
  durationMs: number;
  error: string | null;
  replayOfId: string | null;
  createdAt: Date;
  host: string | null;
  messageId: string | null;
  failure: "timeout" | "refused" | "connection" | "signature" | null;
  connectMs: number | null;
  firstByteMs: number | null;
};

/** One run the exchanges hang from: every run holds up to `EXCHANGES_PER_RUN` of them. */
export type LogRunRow = { id: string; workflowId: string; createdAt: Date };

/** The workflows of the log, with the published version their runs pin. */
export type LogWorkflow = { id: string; versionId: string };

/** Values the measured reads filter by, taken from the stored rows. */
export type LogProbes = {
  /** A workflow of middling traffic, and its share of all exchanges. */
  workflowId: string;
  workflowShare: number;
  /** A host of middling traffic. */
  host: string;
  /** A response status of a few percent of the exchanges. */
  status: number;
  /** A run and a message id from the middle of the log. */
  runId: string;
  messageId: string;
  /** A word stored in about one request body in `RARE_WORD_EVERY`. */
  rareWord: string;
  /** One day in the middle of the log. */
  dayFrom: Date;
  dayTo: Date;
  /** Exchanges spread over the whole log, opened one by one. */
  openIds: string[];
};

export const LOG_WORKFLOWS = 20;
export const LOG_DAYS = 30;
const EXCHANGES_PER_RUN = 3;
const HOSTS = 50;
const REPLAY_SHARE = 0.03;
const RARE_WORD = "chargeback";
const RARE_WORD_EVERY = 5_000;
const OPEN_IDS = 100;
const REQUEST_BODY_BYTES = 1024;
const DAY_MS = 86_400_000;

const kindShares = [
  ["inbound", 0.45],
  ["api_call", 0.35],
  ["webhook_attempt", 0.2],
] as const;

type Answer = {
  share: number;
  outcome: LogExchangeRow["outcome"];
  statuses: readonly number[];
  failure: LogExchangeRow["failure"];
};

/** How each kind of exchange ends, in shares that add up to 1. */
const answersByKind: Record<LogExchangeRow["kind"], readonly Answer[]> = {
  inbound: [
    { share: 0.94, outcome: "success", statuses: [202, 200], failure: null },
    { share: 0.02, outcome: "client_error", statuses: [401], failure: "signature" },
    { share: 0.03, outcome: "client_error", statuses: [400, 413, 429], failure: null },
    { share: 0.01, outcome: "server_error", statuses: [503], failure: null },
  ],
  api_call: [
    { share: 0.88, outcome: "success", statuses: [200, 201, 200, 204], failure: null },
    { share: 0.05, outcome: "client_error", statuses: [400, 404, 409, 422], failure: null },
    { share: 0.03, outcome: "server_error", statuses: [500, 502, 503], failure: null },
    { share: 0.02, outcome: "failed", statuses: [], failure: "timeout" },
    { share: 0.01, outcome: "failed", statuses: [], failure: "connection" },
    { share: 0.01, outcome: "failed", statuses: [], failure: "refused" },
  ],
  webhook_attempt: [
    { share: 0.85, outcome: "success", statuses: [200, 204, 202], failure: null },
    { share: 0.03, outcome: "client_error", statuses: [400, 410], failure: null },
    { share: 0.06, outcome: "server_error", statuses: [500, 502, 503, 504], failure: null },
    { share: 0.03, outcome: "failed", statuses: [], failure: "timeout" },
    { share: 0.02, outcome: "failed", statuses: [], failure: "connection" },
    { share: 0.01, outcome: "failed", statuses: [], failure: "refused" },
  ],
};

const errorsByFailure = {
  timeout: "No complete response within 10000 ms",
  connection: "connect ECONNREFUSED 203.0.113.7:443",
  refused: "The host resolves to 10.0.0.7, an address the network policy refuses",
  signature: "The signature did not match",
} as const;

const vendors = ["acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "wonka"];
const prefixes = ["api", "hooks", "events", "ingest", "edge", "eu", "us"];
const hosts = Array.from({ length: HOSTS }, (_, index) => {
  const prefix = prefixes[index % prefixes.length];
  const vendor = vendors[Math.floor(index / prefixes.length) % vendors.length];
  return `${prefix}.${vendor}-${index}.example.com`;
});
const resources = ["orders", "customers", "invoices", "shipments", "refunds", "tickets"];
const noteWords = ["express", "gift wrap", "leave at door", "fragile", "priority", "standard"];

/**
 * Builds the delivery log's rows in order of age, oldest first, a batch at a time: `count`
 * exchanges over `LOG_DAYS` days ending at `endAt`, three to a run, from `LOG_WORKFLOWS`
 * workflows of falling traffic and `HOSTS` hosts, in the shares of kind and outcome above, a few
 * percent of them replays. The same arguments give the same rows, so both databases hold the
 * same log. `probes()` names the values the reads filter by once every row has been made.
 */
export function createLogRows(workflows: readonly LogWorkflow[], count: number, endAt: Date) {
  const random = seededRandom(20_260_101);
  const startMs = endAt.getTime() - LOG_DAYS * DAY_MS;
  const stepMs = (LOG_DAYS * DAY_MS) / count;
  const pickWorkflow = zipfPicker(workflows.length, random);
  const pickHost = zipfPicker(hosts.length, random);
  const recentIds: string[] = [];
  const openEvery = Math.max(1, Math.floor(count / OPEN_IDS));
  const middle = Math.floor(count / 2);
  const workflowCounts = new Array<number>(workflows.length).fill(0);
  const openIds: string[] = [];
  let made = 0;
  let run: LogRunRow | null = null;
  let runWorkflow = 0;
  let retry: { messageId: string; attempt: number } | null = null;
  let middleRow: LogExchangeRow | null = null;
  let middleMessageId: string | null = null;

  function nextRow(): { row: LogExchangeRow; newRun: LogRunRow | null } {
    const index = made;
    made += 1;
    const createdAt = new Date(Math.floor(startMs + index * stepMs + random() * stepMs));
    let newRun: LogRunRow | null = null;
    if (index % EXCHANGES_PER_RUN === 0 || !run) {
      runWorkflow = pickWorkflow();
      const workflowId = workflows[runWorkflow]!.id;
      newRun = { id: idAt(createdAt, index, random), workflowId, createdAt };
      run = newRun;
    }
    workflowCounts[runWorkflow] = (workflowCounts[runWorkflow] ?? 0) + 1;

    const kind = pick(kindShares, random);
    const answer = pickAnswer(answersByKind[kind], random);
    const isOutbound = kind !== "inbound";
    const host = isOutbound ? hosts[pickHost()]! : null;
    const status =
      answer.statuses.length === 0
        ? null
        : answer.statuses[Math.floor(random() * answer.statuses.length)]!;

    let messageId: string | null = null;
    let attempt: number | null = null;
    if (kind === "webhook_attempt") {
      const current = retry ?? { messageId: `msg_${token(random, 24)}`, attempt: 0 };
      messageId = current.messageId;
      attempt = current.attempt + 1;
      retry =
        (answer.outcome === "server_error" || answer.outcome === "failed") && attempt < 8
          ? { messageId, attempt }
          : null;
    } else if (kind === "inbound" && random() < 0.6) {
      messageId = `msg_${token(random, 24)}`;
    }

    const isTimeout = answer.failure === "timeout";
    const durationMs = isTimeout ? 10_000 : Math.round(15 + random() * random() * 900);
    const connectMs = isOutbound && status !== null ? Math.round(1 + random() * 40) : null;
    const row: LogExchangeRow = {
      id: idAt(createdAt, index, random),
      workflowId: run.workflowId,
      runId: run.id,
      kind,
      outcome: answer.outcome,
      attempt,
      method: "POST",
      url: isOutbound
        ? `https://${host}/v1/${resources[index % resources.length]}`
        : `https://switchyard.example.com/hooks/${run.workflowId}`,
      requestHeaders: JSON.stringify({
        "content-type": "application/json",
        "user-agent": isOutbound ? "Switchyard" : "partner-sender/2.4",
        ...(messageId ? { "webhook-id": messageId } : {}),
      }),
      requestBody: requestBody(index, random),
      responseStatus: status,
      responseHeaders: status === null ? null : '{"content-type":"application/json"}',
      responseBody:
        status === null ? null : JSON.stringify({ ok: status < 400, id: token(random, 12) }),
      durationMs,
      error:
        answer.failure && answer.failure !== "signature" ? errorsByFailure[answer.failure] : null,
      replayOfId:
        recentIds.length > 0 && random() < REPLAY_SHARE
          ? recentIds[Math.floor(random() * recentIds.length)]!
          : null,
      createdAt,
      host,
      messageId,
      failure: answer.failure,
      connectMs,
      firstByteMs: connectMs === null ? null : connectMs + Math.round(durationMs * 0.8),
    };
    if (answer.failure === "signature") row.error = errorsByFailure.signature;

    recentIds.push(row.id);
    if (recentIds.length > 1000) recentIds.shift();
    if (index % openEvery === 0 && openIds.length < OPEN_IDS) openIds.push(row.id);
    if (index >= middle && !middleRow) middleRow = row;
    if (index >= middle && !middleMessageId && messageId) middleMessageId = messageId;
    return { row, newRun };
  }

  return {
    /** The next `size` exchanges (fewer at the end) and the runs they start. */
    nextBatch(size: number): { exchanges: LogExchangeRow[]; runs: LogRunRow[] } {
      const exchanges: LogExchangeRow[] = [];
      const runs: LogRunRow[] = [];
      while (exchanges.length < size && made < count) {
        const { row, newRun } = nextRow();
        if (newRun) runs.push(newRun);
        exchanges.push(row);
      }
      return { exchanges, runs };
    },
    probes(): LogProbes {
      if (!middleRow || !middleMessageId) throw new Error("The log is not fully made yet");
      const typical = Math.floor(workflows.length / 2);
      const dayFrom = new Date(startMs + Math.floor(LOG_DAYS / 2) * DAY_MS);
      return {
        workflowId: workflows[typical]!.id,
        workflowShare: (workflowCounts[typical] ?? 0) / count,
        host: hosts[Math.floor(hosts.length / 2)]!,
        status: 503,
        runId: middleRow.runId,
        messageId: middleMessageId,
        rareWord: RARE_WORD,
        dayFrom,
        dayTo: new Date(dayFrom.getTime() + DAY_MS),
        openIds,
      };
    },
  };
}

/** A 1 KB JSON order event; about one in `RARE_WORD_EVERY` carries the rare word. */
function requestBody(index: number, random: () => number): string {
  const note =
    index % RARE_WORD_EVERY === RARE_WORD_EVERY - 1
      ? `${RARE_WORD} opened by the card issuer`
      : noteWords[Math.floor(random() * noteWords.length)]!;
  const event = {
    type: "order.updated",
    id: `evt_${token(random, 20)}`,
    data: {
      orderId: `ord_${token(random, 12)}`,
      customer: { id: `cus_${token(random, 12)}`, email: "buyer@example.com", country: "DE" },
      items: [
        { sku: "SKU-1001", quantity: 2, unitPriceCents: 1999 },
        { sku: "SKU-2002", quantity: 1, unitPriceCents: 4999 },
      ],
      totalCents: 8997,
      note,
      padding: "",
    },
  };
  event.data.padding = "x".repeat(Math.max(0, REQUEST_BODY_BYTES - JSON.stringify(event).length));
  return JSON.stringify(event);
}

/** An id that sorts like a cuid: the creation time in base 36, then random characters. */
function idAt(createdAt: Date, index: number, random: () => number): string {
  return `c${createdAt.getTime().toString(36)}${index.toString(36).padStart(4, "0")}${token(random, 8)}`;
}

const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

function token(random: () => number, length: number): string {
  let text = "";
  for (let index = 0; index < length; index += 1) {
    text += alphabet[Math.floor(random() * alphabet.length)];
  }
  return text;
}

function pick<T>(shares: readonly (readonly [T, number])[], random: () => number): T {
  let left = random();
  for (const [value, share] of shares) {
    left -= share;
    if (left < 0) return value;
  }
  return shares[shares.length - 1]![0];
}

function pickAnswer(answers: readonly Answer[], random: () => number): Answer {
  return pick(
    answers.map((answer) => [answer, answer.share] as const),
    random,
  );
}

/** Picks 0..n-1 with weight 1/(k+1): a few busy ones and a long tail, as traffic usually is. */
function zipfPicker(n: number, random: () => number): () => number {
  const weights = Array.from({ length: n }, (_, k) => 1 / (k + 1));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const shares = weights.map((weight, k) => [k, weight / total] as const);
  return () => pick(shares, random);
}

/** mulberry32: a small, fast generator, so every run stores the same log. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
