import { z } from "zod";
import path from "node:path";

const booleanFlag = z
  .enum(["0", "1", "true", "false"])
  .transform((value) => value === "1" || value === "true");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Port and interface the production server listens on. */
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOSTNAME: z.string().min(1).default("0.0.0.0"),
  /**
   * `file:` URL of the SQLite database (relative paths are taken from the working directory), or
   * a `postgresql://` URL to run on PostgreSQL.
   */
  DATABASE_URL: z.string().default("file:./data/switchyard.db"),
  /** Secret that signs session tokens. The start script writes one to ./data when unset. */
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  /** Lets outbound requests reach loopback and private addresses. Development and tests only. */
  SWITCHYARD_ALLOW_PRIVATE_NETWORKS: booleanFlag.default(false),
  /** Runs the job worker inside the web process (the embedded mode). */
  SWITCHYARD_EMBEDDED_WORKER: booleanFlag.default(true),
  SWITCHYARD_JOB_LEASE_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  /**
   * Longest an idle worker waits before it looks for due jobs again. New work wakes it sooner:
   * in its own process always, from other processes on PostgreSQL.
   */
  SWITCHYARD_WORKER_IDLE_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(1_000),
  /** How long a stopping worker waits for jobs in flight before it releases them. */
  SWITCHYARD_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /**
   * Delays between delivery attempts in milliseconds, comma-separated. Unset means the default
   * schedule; tests shorten it so a day of retries runs in seconds.
   */
  SWITCHYARD_DELIVERY_SCHEDULE_MS: z
    .string()
    .regex(/^\d+(,\d+)*$/)
    .optional(),
  /** How long an endpoint may fail without a single success before it is disabled. */
  SWITCHYARD_ENDPOINT_DISABLE_AFTER_MS: z.coerce
    .number()
    .int()
    .min(60_000)
    .default(5 * 24 * 3_600_000),
  /**
   * How long a Send webhook node's replaced signing secret keeps signing beside the new one once
   * a version that changed it is activated, so receivers can switch over without a gap.
   */
  SWITCHYARD_SECRET_GRACE_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(365 * 24 * 3_600_000)
    .default(24 * 3_600_000),
  /**
   * Key that seals stored secrets (inbound verification secrets): 32 bytes as base64 or hex.
   * When unset, one is generated on first use and kept in the data folder.
   */
  SWITCHYARD_SECRET_KEY: z.string().min(1).optional(),
  /** A sender that takes longer than this to deliver a request's body is cut off with 408. */
  SWITCHYARD_INBOUND_READ_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /**
   * Inbound requests one process handles at once; past it, requests are shed at once with 503
   * and Retry-After, so a flood cannot hang the server or grow its memory without bound. It
   * also bounds latency: every request in flight waits for the same commits, so the limit is
   * about the commit rate times the answer time to keep (5,000 a second × 25 ms). Measured
   * at three times capacity, 512 let answers queue for seconds; 128 kept them under 200 ms.
   */
  SWITCHYARD_INBOUND_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).default(128),
  /** Bodies longer than this are cut in the delivery log, with a flag saying so. */
  SWITCHYARD_MAX_STORED_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(256 * 1024),
  /**
   * How often the worker prunes the delivery log by the retention settings. Tests shorten it;
   * the admin dashboard can also prune at once.
   */
  SWITCHYARD_RETENTION_PRUNE_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .max(24 * 3_600_000)
    .default(10 * 60_000),
  SWITCHYARD_LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace"])
    .default("info"),
});

/** Where the data lives: one SQLite file, or a PostgreSQL server shared by many processes. */
export type DatabaseTarget =
  | { kind: "sqlite"; /** Absolute path of the file. */ path: string }
  | { kind: "postgresql"; url: string };

export type AppConfig = {
  nodeEnv: "development" | "production" | "test";
  port: number;
  hostname: string;
  database: DatabaseTarget;
  /** Folder for files the app keeps beside its data, such as a generated session secret. */
  dataDir: string;
  authSecret: string | undefined;
  allowPrivateNetworks: boolean;
  isEmbeddedWorker: boolean;
  jobLeaseMs: number;
  workerIdlePollMs: number;
  shutdownTimeoutMs: number;
  deliveryScheduleMs: number[] | undefined;
  endpointDisableAfterMs: number;
  secretGraceMs: number;
  secretKey: string | undefined;
  inboundReadTimeoutMs: number;
  inboundMaxInFlight: number;
  maxStoredBodyBytes: number;
  retentionPruneIntervalMs: number;
  logLevel: string;
};

/**
 * Reads DATABASE_URL. A `file:` URL becomes an absolute path, once, so no adapter depends on the
 * working directory.
 */
export function resolveDatabase(databaseUrl: string, cwd: string): DatabaseTarget {
  if (databaseUrl.startsWith("file:")) {
    return { kind: "sqlite", path: path.resolve(cwd, databaseUrl.slice("file:".length)) };
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return { kind: "postgresql", url: databaseUrl };
  throw new Error(
    `DATABASE_URL must be a file: URL (SQLite) or a postgresql:// URL, got "${redactUrl(databaseUrl)}"`,
  );
}

/** The URL without its password, for messages. */
function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}

/** Parses the environment. Throws with every problem listed when a variable is malformed. */
export function parseConfig(env: Record<string, string | undefined>, cwd: string): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const e = parsed.data;
  const database = resolveDatabase(e.DATABASE_URL, cwd);
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    hostname: e.HOSTNAME,
    database,
    dataDir: database.kind === "sqlite" ? path.dirname(database.path) : path.resolve(cwd, "data"),
    authSecret: e.NEXTAUTH_SECRET,
    allowPrivateNetworks: e.SWITCHYARD_ALLOW_PRIVATE_NETWORKS,
    isEmbeddedWorker: e.SWITCHYARD_EMBEDDED_WORKER,
    jobLeaseMs: e.SWITCHYARD_JOB_LEASE_MS,
    workerIdlePollMs: e.SWITCHYARD_WORKER_IDLE_POLL_MS,
    shutdownTimeoutMs: e.SWITCHYARD_SHUTDOWN_TIMEOUT_MS,
    deliveryScheduleMs: e.SWITCHYARD_DELIVERY_SCHEDULE_MS?.split(",").map(Number),
    endpointDisableAfterMs: e.SWITCHYARD_ENDPOINT_DISABLE_AFTER_MS,
    secretGraceMs: e.SWITCHYARD_SECRET_GRACE_MS,
    secretKey: e.SWITCHYARD_SECRET_KEY,
    inboundReadTimeoutMs: e.SWITCHYARD_INBOUND_READ_TIMEOUT_MS,
    inboundMaxInFlight: e.SWITCHYARD_INBOUND_MAX_IN_FLIGHT,
    maxStoredBodyBytes: e.SWITCHYARD_MAX_STORED_BODY_BYTES,
    retentionPruneIntervalMs: e.SWITCHYARD_RETENTION_PRUNE_INTERVAL_MS,
    logLevel: e.SWITCHYARD_LOG_LEVEL,
  };
}

let cached: AppConfig | undefined;

/** The process's configuration, parsed on first use. The only reader of `process.env`. */
export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env, process.cwd());
  return cached;
}
