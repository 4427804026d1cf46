import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";

export type SqliteValue = string | number | null;

/** What one piece of a group commit came to. */
export type GroupOutcome = { ok: true; value: unknown } | { ok: false; error: unknown };

type PendingWork = {
  work: (statements: SqliteStatements) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

/** Prepared statements on the connection, for work run inside `SqliteConnection.run`. */
export type SqliteStatements = {
  all<T>(sql: string, ...params: SqliteValue[]): T[];
  get<T>(sql: string, ...params: SqliteValue[]): T | undefined;
  /** Runs a write and returns how many rows it changed. */
  run(sql: string, ...params: SqliteValue[]): number;
};

/**
 * Direct access to the one SQLite connection Prisma's adapter opened, for the few statements on
 * the delivery path that run thousands of times a second, where Prisma's per-query cost (query
 * compilation, result mapping, a fresh `prepare` each time) is most of the work. Statements are
 * prepared once and reused.
 *
 * Sharing the connection keeps SQLite's single-writer rule simple: there is still one
 * connection per process. Work given to `run` is synchronous and executes inside one IMMEDIATE
 * transaction, started only when no Prisma transaction is open on the connection, so neither can
 * see the other half-done.
 */
export class SqliteConnection {
  #database: BetterSqlite3.Database | null = null;
  readonly #statements = new Map<string, BetterSqlite3.Statement>();

  /** Called by the adapter factory once Prisma has opened the connection. */
  attach(database: BetterSqlite3.Database): void {
    // A group commit that is run again puts each piece in a savepoint, whose undo pages SQLite
    // keeps in a statement journal that otherwise spills to a temporary file once a group grows.
    // Temporary tables and large sorts live in memory too.
    database.pragma("temp_store = MEMORY");
    // better-sqlite3 builds SQLite to open WAL databases with synchronous=NORMAL, under which a
    // commit acknowledged just before a power loss can be lost. Every connection asks for FULL,
    // which syncs the log at each commit, so an acknowledged event is on disk.
    database.pragma("synchronous = FULL");
    this.#database = database;
    this.#statements.clear();
  }

  get isAttached(): boolean {
    return this.#database !== null;
  }

  /** The database file's path; null before the connection opens and for in-memory databases. */
  get filePath(): string | null {
    const database = this.#database;
    return database && !database.memory ? database.name : null;
  }

  /**
   * Runs `work` in a transaction once the connection is free. `work` must be synchronous: its
   * writes commit when it returns and roll back when it throws.
   *
   * Work handed in during the same turn of the event loop is committed together (group commit):
   * one IMMEDIATE transaction and one sync to disk. When a piece throws, the whole group rolls
   * back and runs again with each piece in a savepoint of its own, so the failure rolls back
   * alone and rejects only its own promise. `work` may therefore run twice and must touch
   * nothing but the database. Savepoints for every piece, every time, cost about a tenth of an
   * inbound request's CPU time (the inbound scenario of `npm run bench`).
   */
  run<T>(work: (statements: SqliteStatements) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.#pending.length === 1) setImmediate(() => void this.#flush());
    });
  }

  readonly #pending: PendingWork[] = [];

  async #flush(): Promise<void> {
    const database = this.#database;
    if (!database) {
      for (const piece of this.#pending.splice(0)) {
        piece.reject(new Error("The SQLite connection is not open yet"));
      }
      return;
    }
    // A Prisma interactive transaction holds the connection across awaits; wait it out.
    while (database.inTransaction) await new Promise((resolve) => setImmediate(resolve));
    const batch = this.#pending.splice(0);
    const outcomes = this.commitGroup(batch.map((piece) => piece.work));
    batch.forEach((piece, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) piece.resolve(outcome.value);
      else piece.reject(outcome.error);
    });
  }

  /**
   * Commits `works` now, as `run` commits a group, and gives each one's outcome in order. For a
   * caller that does its own grouping and may not wait (the ingest writer thread); it must not
   * be called while a Prisma transaction is open on the connection.
   */
  commitGroup(works: ((statements: SqliteStatements) => unknown)[]): GroupOutcome[] {
    const database = this.#database;
    if (!database) {
      const error = new Error("The SQLite connection is not open yet");
      return works.map(() => ({ ok: false, error }));
    }
    const statements = this.#statementsOf(database);
    try {
      const values = database.transaction(() => works.map((work) => work(statements))).immediate();
      return values.map((value) => ({ ok: true, value }));
    } catch (error) {
      // A piece threw, or the commit failed; everything rolled back. A lone piece gets its own
      // error; a group runs again with each piece in a savepoint, so one failure rolls back and
      // rejects only its own piece.
      if (works.length === 1) return [{ ok: false, error }];
      return this.#commitEachApart(database, statements, works);
    }
  }

  #commitEachApart(
    database: BetterSqlite3.Database,
    statements: SqliteStatements,
    works: ((statements: SqliteStatements) => unknown)[],
  ): GroupOutcome[] {
    const outcomes: GroupOutcome[] = [];
    try {
      database
        .transaction(() => {
          for (const work of works) {
            try {
              outcomes.push({ ok: true, value: database.transaction(() => work(statements))() });
            } catch (error) {
              outcomes.push({ ok: false, error });
            }
          }
        })
        .immediate();
    } catch (error) {
      // The commit itself failed (the database is busy or gone): nothing was written.
      return works.map(() => ({ ok: false, error }));
    }
    return outcomes;
  }

  /**
   * Runs synchronous reads outside a transaction (each statement sees one consistent state),
   * once no Prisma transaction is open, so they never see another transaction's uncommitted
   * rows. Cheaper than `run`: no write lock is taken.
   */
  async read<T>(work: (statements: SqliteStatements) => T): Promise<T> {
    const database = this.#database;
    if (!database) throw new Error("The SQLite connection is not open yet");
    while (database.inTransaction) await new Promise((resolve) => setImmediate(resolve));
    return work(this.#statementsOf(database));
  }

  #statementsOf(database: BetterSqlite3.Database): SqliteStatements {
    const prepared = (sql: string) => {
      let statement = this.#statements.get(sql);
      if (!statement) {
        statement = database.prepare(sql);
        // The adapter turns safe integers on for the whole connection; our columns fit in a
        // double, so plain numbers are what we want back.
        if (statement.reader) statement.safeIntegers(false);
        this.#statements.set(sql, statement);
      }
      return statement;
    };
    return {
      all: <T>(sql: string, ...params: SqliteValue[]) => prepared(sql).all(...params) as T[],
      get: <T>(sql: string, ...params: SqliteValue[]) =>
        prepared(sql).get(...params) as T | undefined,
      run: (sql: string, ...params: SqliteValue[]) => prepared(sql).run(...params).changes,
    };
  }
}

/** The adapter factory for SQLite that hands the connection it opens to a `SqliteConnection`. */
export class SharedSqliteAdapterFactory extends PrismaBetterSQLite3 {
  readonly #connection: SqliteConnection;

  constructor(
    config: ConstructorParameters<typeof PrismaBetterSQLite3>[0],
    connection: SqliteConnection,
  ) {
    super(config);
    this.#connection = connection;
  }

  override async connect(): ReturnType<PrismaBetterSQLite3["connect"]> {
    const adapter = await super.connect();
    // The adapter keeps its better-sqlite3 handle as `client`; it is not part of its typed API.
    const database = (adapter as unknown as { client?: BetterSqlite3.Database }).client;
    if (!database) throw new Error("The SQLite adapter no longer exposes its connection");
    this.#connection.attach(database);
    return adapter;
  }
}

/** Dates as Prisma's SQLite adapter stores them, so raw comparisons order them the same way. */
/** A column value as Prisma's SQLite adapter stores it: dates as text, booleans as 0 or 1. */
export function toSqliteValue(value: string | number | boolean | Date | null): SqliteValue {
  if (value instanceof Date) return sqliteTimestamp(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

export function sqliteTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
