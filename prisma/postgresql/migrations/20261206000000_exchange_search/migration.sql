-- AlterTable
ALTER TABLE "Exchange" ADD COLUMN     "connectMs" INTEGER,
ADD COLUMN     "failure" TEXT,
ADD COLUMN     "firstByteMs" INTEGER,
ADD COLUMN     "host" TEXT,
ADD COLUMN     "isReplay" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "messageId" TEXT;

-- CreateIndex
CREATE INDEX "Exchange_workspaceId_outcome_createdAt_idx" ON "Exchange"("workspaceId", "outcome", "createdAt");

-- CreateIndex
CREATE INDEX "Exchange_workspaceId_failure_createdAt_idx" ON "Exchange"("workspaceId", "failure", "createdAt");

-- CreateIndex
CREATE INDEX "Exchange_workspaceId_responseStatus_createdAt_idx" ON "Exchange"("workspaceId", "responseStatus", "createdAt");

-- CreateIndex
CREATE INDEX "Exchange_workspaceId_host_createdAt_idx" ON "Exchange"("workspaceId", "host", "createdAt");

-- CreateIndex
CREATE INDEX "Exchange_workspaceId_messageId_createdAt_idx" ON "Exchange"("workspaceId", "messageId", "createdAt");

-- CreateIndex
CREATE INDEX "Exchange_workspaceId_isReplay_createdAt_idx" ON "Exchange"("workspaceId", "isReplay", "createdAt");


-- DropIndex
DROP INDEX "Exchange_runId_idx";

-- CreateIndex
CREATE INDEX "Exchange_runId_workspaceId_createdAt_idx" ON "Exchange"("runId", "workspaceId", "createdAt");

-- DropIndex
DROP INDEX "Exchange_replayOfId_idx";

-- CreateIndex
CREATE INDEX "Exchange_replayOfId_workspaceId_createdAt_idx" ON "Exchange"("replayOfId", "workspaceId", "createdAt");

-- Backfill what stored rows already say. Replays:
UPDATE "Exchange" SET "isReplay" = true WHERE "replayOfId" IS NOT NULL;

-- A webhook attempt's message id is its delivery's, an inbound request's is its webhook-id
-- header (a workflow's own idempotency header is not known here, so those stay empty).
UPDATE "Exchange" SET "messageId" = "Delivery"."messageId"
FROM "Delivery" WHERE "Delivery"."id" = "Exchange"."deliveryId";
UPDATE "Exchange" SET "messageId" = "requestHeaders"::jsonb ->> 'webhook-id'
WHERE "kind" = 'inbound' AND "requestHeaders" LIKE '%"webhook-id"%';

-- Failures, from the outcome and the fixed wording of each error.
UPDATE "Exchange" SET "failure" = CASE
    WHEN "error" LIKE 'No complete response within % ms' THEN 'timeout'
    WHEN "error" LIKE '% the network policy refuses' OR "error" LIKE '% resolves to %'
      OR "error" = 'Not a valid URL' OR "error" LIKE 'Only http: and https: URLs are supported%'
      OR "error" LIKE 'The % header is set by the client' THEN 'refused'
    WHEN "error" LIKE 'The response is larger than % bytes' THEN 'other'
    ELSE 'connection'
  END
WHERE "kind" <> 'inbound' AND "error" IS NOT NULL;
UPDATE "Exchange" SET "failure" = CASE
    WHEN "responseStatus" = 401 THEN 'signature'
    WHEN "responseStatus" = 408 THEN 'timeout'
    WHEN "error" = 'The sender broke off the body.' THEN 'connection'
    ELSE 'refused'
  END
WHERE "kind" = 'inbound' AND "error" IS NOT NULL;

-- Hosts of outbound URLs: what follows "://", up to the path, query, fragment or port.
UPDATE "Exchange"
SET "host" = NULLIF(lower(substring("url" from '^[A-Za-z][A-Za-z0-9+.-]*://(\[[^]]*\]|[^/?#:]*)')), '')
WHERE "kind" <> 'inbound';
