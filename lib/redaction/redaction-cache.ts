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
  /**
   * Waits for the first load only; afterwards resolves at once with {@link current}. Rejects
   * while the settings were never loaded, so nothing is stored under rules not yet known.
   */
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
  private reloading: Promise<void> | null = null;
  private followUp: Promise<void> | null = null;
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
    const isStale = this.nowMs() - this.loadedAtMs >= this.ttlMs;
    if (isStale && !this.reloading) void this.reload();
    return this.rules;
  }

  async ready(): Promise<RedactionRules> {
    if (!this.isLoaded()) await this.reload();
    if (!this.isLoaded()) throw new Error("The redaction settings could not be loaded");
    return this.current();
  }

  /**
   * Loads the settings now. A load already running may have read the row before the change
   * that asks for this one, so callers meanwhile share one more load after it. Failures keep
   * the old rules.
   */
  reload(): Promise<void> {
    if (this.reloading) {
      this.followUp ??= this.reloading.then(() => {
        this.followUp = null;
        return this.reload();
      });
      return this.followUp;
    }
    this.reloading = this.load().finally(() => {
      this.reloading = null;
    });
    return this.reloading;
  }

  private isLoaded(): boolean {
    return this.loadedAtMs !== Number.NEGATIVE_INFINITY;
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
    void created.reload();
    cache = created;
  }
  return cache;
}

/** A source with fixed rules, for tools and tests that need no settings. */
export function fixedRedaction(rules: RedactionRules): RedactionSource {
  return { current: () => rules, ready: () => Promise.resolve(rules) };
}
