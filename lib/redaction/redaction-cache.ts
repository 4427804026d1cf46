import type { Db } from "../db/client";
import { getConfig } from "../env";
import { subscribe } from "../events/event-bus";
import { log } from "../log";
import { builtInRedactionRules, redactionRulesOf, type RedactionRules } from "./redaction-rules";
import { readRedactionSettings } from "./redaction-store";

/** How stale a process's copy may get when a change notice is lost. */
export const REDACTION_CACHE_TTL_MS = 30_000;

/** Where hot paths read the rules from: synchronously, once the first load is done. */
export type RedactionSource = {
  /** The rules as last loaded; never waits. */
  current(): RedactionRules;
  /** Waits for the first load only; afterwards resolves at once with {@link current}. */
  ready(): Promise<RedactionRules>;
};

type CacheOptions = { defaultMaxStoredBodyBytes: number; ttlMs?: number; nowMs?: () => number };

/**
 * A process's copy of the redaction settings. Ingest and deliveries store thousands of
 * exchanges a second, so they read this copy instead of the database. It is reloaded when a
 * `settings.changed` message arrives on the bus (from any process, on PostgreSQL) and, in case
 * one is lost, by the first read after the TTL; that read still gets the old rules while the
 * reload runs.
 */
export class RedactionCache implements RedactionSource {
  private rules: RedactionRules;
  private loadedAtMs = Number.NEGATIVE_INFINITY;
  private firstLoad: Promise<void> | null = null;
  private reloading: Promise<void> | null = null;
  private readonly ttlMs: number;
  private readonly nowMs: () => number;

  constructor(
    private readonly db: Db,
    private readonly options: CacheOptions,
  ) {
    this.rules = builtInRedactionRules(options.defaultMaxStoredBodyBytes);
    this.ttlMs = options.ttlMs ?? REDACTION_CACHE_TTL_MS;
    this.nowMs = options.nowMs ?? Date.now;
  }

  current(): RedactionRules {
    if (this.nowMs() - this.loadedAtMs >= this.ttlMs) void this.reload();
    return this.rules;
  }

  async ready(): Promise<RedactionRules> {
    this.firstLoad ??= this.reload();
    await this.firstLoad;
    return this.current();
  }

  /** Loads the settings now; concurrent calls share one query. Failures keep the old rules. */
  reload(): Promise<void> {
    this.reloading ??= this.load().finally(() => {
      this.reloading = null;
    });
    return this.reloading;
  }

  private async load(): Promise<void> {
    try {
      const settings = await readRedactionSettings(this.db, this.options.defaultMaxStoredBodyBytes);
      this.rules = redactionRulesOf(settings);
      this.loadedAtMs = this.nowMs();
    } catch (error) {
      log.warn({ err: error }, "could not load the redaction settings; keeping the last ones");
    }
  }
}

// Route handlers, the lean server and the worker may load this module separately in one
// process; they share one cache per database client.
const holder = globalThis as typeof globalThis & {
  __switchyardRedaction?: WeakMap<Db, RedactionCache>;
};

/**
 * The process's redaction cache for `db`, created on first use, listening for changes on the
 * bus and already loading.
 */
export function redactionCacheFor(db: Db): RedactionCache {
  holder.__switchyardRedaction ??= new WeakMap();
  let cache = holder.__switchyardRedaction.get(db);
  if (!cache) {
    const created = new RedactionCache(db, {
      defaultMaxStoredBodyBytes: getConfig().maxStoredBodyBytes,
    });
    subscribe((message) => {
      if (message.event.type === "settings.changed") void created.reload();
    });
    holder.__switchyardRedaction.set(db, created);
    void created.ready();
    cache = created;
  }
  return cache;
}

/** A source with fixed rules, for tools and tests that need no settings. */
export function fixedRedaction(rules: RedactionRules): RedactionSource {
  return { current: () => rules, ready: () => Promise.resolve(rules) };
}
