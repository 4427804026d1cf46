-- AlterTable
ALTER TABLE "Workflow" ADD COLUMN "inboundSecret" TEXT;
ALTER TABLE "Workflow" ADD COLUMN "inboundSecretHint" TEXT;
ALTER TABLE "Workflow" ADD COLUMN "testEvent" TEXT;
ALTER TABLE "Workflow" ADD COLUMN "testListenUntil" DATETIME;

-- AlterTable
ALTER TABLE "Run" ADD COLUMN "response" TEXT;

-- CreateTable
CREATE TABLE "InboundMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workflowId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "runId" TEXT,
    "settled" BOOLEAN NOT NULL DEFAULT true,
    "responseStatus" INTEGER NOT NULL,
    "responseHeaders" TEXT NOT NULL,
    "responseBody" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "InboundMessage_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "InboundMessage_expiresAt_idx" ON "InboundMessage"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "InboundMessage_workflowId_messageId_key" ON "InboundMessage"("workflowId", "messageId");

