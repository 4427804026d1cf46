/** True for Prisma's unique-constraint error (P2002). */
export function isUniqueConflict(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/**
 * Runs a transaction again when it lost a race to insert the same unique row (two workers
 * creating one endpoint's health row at once, say). The losing transaction rolled back whole,
 * and on the next try the row exists, so an upsert takes its update path. SQLite serialises
 * writers and never loses this race; PostgreSQL can.
 */
export async function retryOnUniqueConflict<T>(
  transaction: () => Promise<T>,
  tries = 3,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= tries || !isUniqueConflict(error)) throw error;
    }
  }
}
