-- AlterTable
ALTER TABLE "Workflow" ADD COLUMN     "inboundSecret" TEXT,
ADD COLUMN     "inboundSecretHint" TEXT,
ADD COLUMN     "testEvent" TEXT,
ADD COLUMN     "testListenUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "response" TEXT;

-- CreateTable
CREATE TABLE "InboundMessage" (
    "id" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "runId" TEXT,
    "settled" BOOLEAN NOT NULL DEFAULT true,
    "responseStatus" INTEGER NOT NULL,
    "responseHeaders" TEXT NOT NULL,
    "responseBody" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InboundMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InboundMessage_expiresAt_idx" ON "InboundMessage"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "InboundMessage_workflowId_messageId_key" ON "InboundMessage"("workflowId", "messageId");

-- AddForeignKey
ALTER TABLE "InboundMessage" ADD CONSTRAINT "InboundMessage_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

