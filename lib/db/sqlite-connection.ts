import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";

export type SqliteValue = string | number | null;

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
    // Each piece of a group commit runs in a savepoint, whose undo pages SQLite keeps in a
    // statement journal that otherwise spills to a temporary file once a batch grows. Held in
    // memory, it cut the CPU time of an inbound request by about a third (the inbound scenario
    // of `npm run bench`). Temporary tables and large sorts now live in memory too.
    database.pragma("temp_store = MEMORY");
    this.#database = database;
    this.#statements.clear();
  }

  get isAttached(): boolean {
    return this.#database !== null;
  }

  /**
   * Runs `work` in a transaction once the connection is free. `work` must be synchronous: its
   * writes commit when it returns and roll back when it throws.
   *
   * Work handed in during the same turn of the event loop is committed together (group commit):
   * one IMMEDIATE transaction, one sync to disk, each piece in a savepoint of its own, so a piece
   * that throws rolls back alone and rejects only its own promise.
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
    const statements = this.#statementsOf(database);
    const outcomes: (() => void)[] = [];
    try {
      database
        .transaction(() => {
          for (const piece of batch) {
            try {
              const value = database.transaction(() => piece.work(statements))();
              outcomes.push(() => piece.resolve(value));
            } catch (error) {
              outcomes.push(() => piece.reject(error));
            }
          }
        })
        .immediate();
    } catch (error) {
      // The commit itself failed (the database is busy or gone): nothing was written.
      for (const piece of batch) piece.reject(error);
      return;
    }
    for (const settle of outcomes) settle();
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
export function sqliteTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
