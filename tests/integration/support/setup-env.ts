// Runs before each integration test file, in that file's module context: every file gets its
// own database, so files cannot see each other's rows. SWITCHYARD_TEST_DATABASE=postgresql runs
// the same files on PostgreSQL (`npm run test:integration:pg`).
import { afterAll } from "vitest";
import { createScratchDatabase, type ScratchDatabaseKind } from "./migrate";

const kind: ScratchDatabaseKind =
  process.env.SWITCHYARD_TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
const database = await createScratchDatabase(kind);

process.env.DATABASE_URL = database.url;
process.env.NEXTAUTH_SECRET = "integration-tests-secret-that-is-long-enough-0123456789";
process.env.SWITCHYARD_ALLOW_PRIVATE_NETWORKS = "1";
process.env.SWITCHYARD_LOG_LEVEL = "warn";
process.env.SWITCHYARD_EMBEDDED_WORKER = "0";

afterAll(async () => {
  // Imported here, not above: the bus reads the configuration, which must see the variables set.
  const { closeRelay } = await import("@/lib/events/event-bus");
  await closeRelay();
  // The app's own client is still open; dropping a PostgreSQL database ends its sessions.
  await database.dispose();
});
