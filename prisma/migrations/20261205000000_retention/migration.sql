-- AlterTable
ALTER TABLE "Exchange" ADD COLUMN "bodiesPrunedAt" DATETIME;

-- CreateTable
CREATE TABLE "RetentionSettings" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bodyRetentionHours" INTEGER NOT NULL DEFAULT 168,
    "metadataRetentionHours" INTEGER NOT NULL DEFAULT 720,
    "updatedAt" DATETIME NOT NULL,
    "pruneClaimedBy" TEXT,
    "pruneClaimedUntil" DATETIME,
    "lastPruneStartedAt" DATETIME,
    "lastPruneFinishedAt" DATETIME,
    "lastBodiesCleared" INTEGER NOT NULL DEFAULT 0,
    "lastExchangesDeleted" INTEGER NOT NULL DEFAULT 0,
    "lastRunsDeleted" INTEGER NOT NULL DEFAULT 0,
    "lastJobsDeleted" INTEGER NOT NULL DEFAULT 0,
    "lastPagesFreed" INTEGER,
    "lastBytesFreed" BIGINT,
    "lastPruneError" TEXT
);

-- CreateIndex
CREATE INDEX "Run_createdAt_idx" ON "Run"("createdAt");

-- CreateIndex
CREATE INDEX "Exchange_bodiesPrunedAt_createdAt_idx" ON "Exchange"("bodiesPrunedAt", "createdAt");

-- CreateIndex
CREATE INDEX "Exchange_createdAt_idx" ON "Exchange"("createdAt");

