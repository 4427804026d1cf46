-- AlterTable (added in place: a rebuild would copy every stored exchange)
ALTER TABLE "Exchange" ADD COLUMN "failure" TEXT;
ALTER TABLE "Exchange" ADD COLUMN "host" TEXT;
ALTER TABLE "Exchange" ADD COLUMN "messageId" TEXT;
ALTER TABLE "Exchange" ADD COLUMN "connectMs" INTEGER;
ALTER TABLE "Exchange" ADD COLUMN "firstByteMs" INTEGER;
ALTER TABLE "Exchange" ADD COLUMN "isReplay" BOOLEAN NOT NULL DEFAULT false;

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
UPDATE "Exchange" SET "isReplay" = 1 WHERE "replayOfId" IS NOT NULL;

-- A webhook attempt's message id is its delivery's, an inbound request's is its webhook-id
-- header (a workflow's own idempotency header is not known here, so those stay empty).
UPDATE "Exchange" SET "messageId" = (
  SELECT "Delivery"."messageId" FROM "Delivery" WHERE "Delivery"."id" = "Exchange"."deliveryId"
) WHERE "deliveryId" IS NOT NULL;
UPDATE "Exchange" SET "messageId" = json_extract("requestHeaders", '$."webhook-id"')
WHERE "kind" = 'inbound' AND json_valid("requestHeaders");

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

-- Hosts of outbound URLs: what follows "://", cut at the path, query, fragment and port.
UPDATE "Exchange" SET "host" = lower(substr("url", instr("url", '://') + 3))
WHERE "kind" <> 'inbound' AND instr("url", '://') > 0;
UPDATE "Exchange" SET "host" = substr("host", 1, instr("host" || '/', '/') - 1) WHERE "host" IS NOT NULL;
UPDATE "Exchange" SET "host" = substr("host", 1, instr("host" || '?', '?') - 1) WHERE "host" IS NOT NULL;
UPDATE "Exchange" SET "host" = substr("host", 1, instr("host" || '#', '#') - 1) WHERE "host" IS NOT NULL;
UPDATE "Exchange" SET "host" = CASE
    WHEN "host" LIKE '[%' THEN substr("host", 1, instr("host", ']'))
    ELSE substr("host", 1, instr("host" || ':', ':') - 1)
  END
WHERE "host" IS NOT NULL;
UPDATE "Exchange" SET "host" = NULL WHERE "host" = '';
