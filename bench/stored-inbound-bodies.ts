import Database from "better-sqlite3";

import type { Acknowledgement } from "./inbound-answers";
import { sequenceInBody } from "./inbound-request";

/** The table the baseline server stores bodies in. */
export const BASELINE_TABLE = "inbound_event";

/** How many acknowledged requests were looked for, and how many of them were not stored. */
export type AcknowledgementCheck = { acknowledged: number; missing: number };

/** What is stored under one request's sequence number; `runId` is null for the baseline. */
type StoredRequest = { runId: string | null; hasRun: boolean };

/**
 * Checks Switchyard's database: an acknowledged request counts as stored when an inbound
 * exchange holds its body, names the run the answer named, and that run exists.
 */
export function checkSwitchyardAcknowledgements(
  sqlitePath: string,
  ...batches: readonly Acknowledgement[][]
): AcknowledgementCheck[] {
  const stored = readStored(
    sqlitePath,
    `SELECT e."requestBody" AS body, e."runId" AS runId, r.id IS NOT NULL AS hasRun
     FROM "Exchange" e LEFT JOIN "Run" r ON r.id = e."runId" WHERE e.kind = 'inbound'`,
  );
  return batches.map((acknowledgements) =>
    check(acknowledgements, (ack) => {
      const request = stored.get(ack.sequence);
      return request !== undefined && request.hasRun && request.runId === ack.runId;
    }),
  );
}

/** Checks the baseline's database: an acknowledged request counts when its body is stored. */
export function checkBaselineAcknowledgements(
  sqlitePath: string,
  acknowledgements: readonly Acknowledgement[],
): AcknowledgementCheck {
  const stored = readStored(
    sqlitePath,
    `SELECT body, NULL AS runId, 0 AS hasRun FROM ${BASELINE_TABLE}`,
  );
  return check(acknowledgements, (ack) => stored.has(ack.sequence));
}

/** Reads every stored body once, row by row, keeping only its sequence number and run. */
function readStored(sqlitePath: string, sql: string): Map<number, StoredRequest> {
  const db = new Database(sqlitePath, { readonly: true });
  try {
    const stored = new Map<number, StoredRequest>();
    const rows = db.prepare(sql).iterate() as IterableIterator<{
      body: string | null;
      runId: string | null;
      hasRun: number;
    }>;
    for (const row of rows) {
      const sequence = row.body === null ? null : sequenceInBody(row.body);
      if (sequence !== null) stored.set(sequence, { runId: row.runId, hasRun: row.hasRun === 1 });
    }
    return stored;
  } finally {
    db.close();
  }
}

function check(
  acknowledgements: readonly Acknowledgement[],
  isStored: (ack: Acknowledgement) => boolean,
): AcknowledgementCheck {
  let missing = 0;
  for (const ack of acknowledgements) if (!isStored(ack)) missing += 1;
  return { acknowledged: acknowledgements.length, missing };
}
