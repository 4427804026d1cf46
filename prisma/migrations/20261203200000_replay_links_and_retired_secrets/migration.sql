-- CreateTable
CREATE TABLE "RetiredSigningSecret" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workflowId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "retiredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "RetiredSigningSecret_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Exchange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "workflowId" TEXT,
    "runId" TEXT,
    "stepId" TEXT,
    "deliveryId" TEXT,
    "kind" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "attempt" INTEGER,
    "method" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "requestHeaders" TEXT NOT NULL,
    "requestBody" TEXT,
    "requestBodyTruncated" BOOLEAN NOT NULL DEFAULT false,
    "requestBodyEncoding" TEXT,
    "responseStatus" INTEGER,
    "responseHeaders" TEXT,
    "responseBody" TEXT,
    "responseBodyTruncated" BOOLEAN NOT NULL DEFAULT false,
    "responseBodyEncoding" TEXT,
    "durationMs" INTEGER NOT NULL,
    "error" TEXT,
    "replayOfId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Exchange_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Exchange_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "Step" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Exchange_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Exchange_replayOfId_fkey" FOREIGN KEY ("replayOfId") REFERENCES "Exchange" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Exchange" ("attempt", "createdAt", "deliveryId", "durationMs", "error", "id", "kind", "method", "outcome", "requestBody", "requestBodyEncoding", "requestBodyTruncated", "requestHeaders", "responseBody", "responseBodyEncoding", "responseBodyTruncated", "responseHeaders", "responseStatus", "runId", "stepId", "url", "workflowId", "workspaceId") SELECT "attempt", "createdAt", "deliveryId", "durationMs", "error", "id", "kind", "method", "outcome", "requestBody", "requestBodyEncoding", "requestBodyTruncated", "requestHeaders", "responseBody", "responseBodyEncoding", "responseBodyTruncated", "responseHeaders", "responseStatus", "runId", "stepId", "url", "workflowId", "workspaceId" FROM "Exchange";
DROP TABLE "Exchange";
ALTER TABLE "new_Exchange" RENAME TO "Exchange";
CREATE INDEX "Exchange_workspaceId_createdAt_idx" ON "Exchange"("workspaceId", "createdAt");
CREATE INDEX "Exchange_workspaceId_workflowId_createdAt_idx" ON "Exchange"("workspaceId", "workflowId", "createdAt");
CREATE INDEX "Exchange_workspaceId_kind_createdAt_idx" ON "Exchange"("workspaceId", "kind", "createdAt");
CREATE INDEX "Exchange_runId_idx" ON "Exchange"("runId");
CREATE INDEX "Exchange_deliveryId_idx" ON "Exchange"("deliveryId");
CREATE INDEX "Exchange_replayOfId_idx" ON "Exchange"("replayOfId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "RetiredSigningSecret_workflowId_nodeId_expiresAt_idx" ON "RetiredSigningSecret"("workflowId", "nodeId", "expiresAt");

