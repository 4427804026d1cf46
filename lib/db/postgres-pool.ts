import pg from "pg";

// Field type ids Prisma's schema engine cannot read through the driver adapter: `name` (19) and
// `char` (18) appear in the catalog queries Migrate runs. Both are text to us.
const TEXT_OID = 25;
const NAME_OID = 19;
const CHAR_OID = 18;

type Queryable = { query: (...args: never[]) => unknown };

/** Reports `name` and `char` result columns as `text`; every other column passes unchanged. */
function reportCatalogTypesAsText<T extends Queryable>(target: T): T {
  const query = target.query.bind(target) as (...args: unknown[]) => unknown;
  const wrapped = (...args: unknown[]) => {
    const result = query(...args);
    if (!(result instanceof Promise)) return result;
    return result.then((value: unknown) => {
      const fields = (value as { fields?: pg.FieldDef[] } | null)?.fields;
      for (const field of fields ?? []) {
        if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) {
          field.dataTypeID = TEXT_OID;
        }
      }
      return value;
    });
  };
  (target as unknown as { query: typeof wrapped }).query = wrapped;
  return target;
}

export type PgPoolOptions = {
  /** Connections the pool may open; a worker needs few, a web process serving logs a few more. */
  max?: number;
  /** Used by Migrate, whose catalog queries return column types the adapter cannot decode. */
  forMigrate?: boolean;
};

const connectTimeoutMs = 3_000;

/** A connection pool for one PostgreSQL database. */
export function createPgPool(url: string, options: PgPoolOptions = {}): pg.Pool {
  // Without a connect timeout, a request made while the server is down waits for it forever;
  // with one, it fails within seconds and the caller answers 503 (an inbound sender retries).
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: connectTimeoutMs,
  });
  // An idle connection that the server ends (a restart, an administrator) is dropped from the
  // pool and replaced on next use; it must not bring the process down.
  pool.on("error", () => undefined);
  pool.on("connect", (client) => {
    // The pool listens for errors of idle connections only. One checked out (a Prisma
    // transaction between its statements) that the server drops would otherwise raise an
    // uncaught error and end the process; its holder sees the failure on its next statement.
    client.on("error", () => undefined);
    if (options.forMigrate) reportCatalogTypesAsText(client);
  });
  if (options.forMigrate) reportCatalogTypesAsText(pool);
  return pool;
}
