// A job worker in a process of its own (`npm run worker`; the react-server condition lets the
// server-only modules load outside Next), on the database DATABASE_URL names. Runs and deliveries
// are claimed under leases, so this can run beside the web process's embedded worker.
import { startProcessWorker } from "../lib/engine/start-process-worker";

startProcessWorker();
