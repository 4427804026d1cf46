-- AlterTable
ALTER TABLE "Run" ADD COLUMN "rerunOfId" TEXT;

-- AlterTable
ALTER TABLE "Job" ADD COLUMN "concurrencyKey" TEXT;

-- CreateTable
CREATE TABLE "Endpoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "failingSince" DATETIME,
    "disabledAt" DATETIME,
    "disabledReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Endpoint_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Delivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "endpointUrl" TEXT NOT NULL,
    "headers" TEXT NOT NULL DEFAULT '{}',
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL,
    "timeoutMs" INTEGER NOT NULL,
    "retryScheduleMs" TEXT,
    "scheduleStartAttempt" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "lastStatus" INTEGER,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Delivery_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Delivery_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "Step" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Delivery" ("attempts", "createdAt", "endpointUrl", "eventType", "headers", "id", "lastError", "lastStatus", "maxAttempts", "messageId", "nextAttemptAt", "payload", "runId", "status", "stepId", "timeoutMs", "updatedAt", "workflowId", "workspaceId") SELECT "attempts", "createdAt", "endpointUrl", "eventType", "headers", "id", "lastError", "lastStatus", "maxAttempts", "messageId", "nextAttemptAt", "payload", "runId", "status", "stepId", "timeoutMs", "updatedAt", "workflowId", "workspaceId" FROM "Delivery";
DROP TABLE "Delivery";
ALTER TABLE "new_Delivery" RENAME TO "Delivery";
CREATE UNIQUE INDEX "Delivery_messageId_key" ON "Delivery"("messageId");
CREATE INDEX "Delivery_workspaceId_createdAt_idx" ON "Delivery"("workspaceId", "createdAt");
CREATE INDEX "Delivery_status_idx" ON "Delivery"("status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Endpoint_workspaceId_status_idx" ON "Endpoint"("workspaceId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Endpoint_workspaceId_url_key" ON "Endpoint"("workspaceId", "url");

-- CreateIndex
CREATE INDEX "Job_concurrencyKey_status_idx" ON "Job"("concurrencyKey", "status");

