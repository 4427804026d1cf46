-- AlterTable
ALTER TABLE "Exchange" ADD COLUMN     "bodiesPrunedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "RetentionSettings" (
    "id" TEXT NOT NULL,
    "bodyRetentionHours" INTEGER NOT NULL DEFAULT 168,
    "metadataRetentionHours" INTEGER NOT NULL DEFAULT 720,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "pruneClaimedBy" TEXT,
    "pruneClaimedUntil" TIMESTAMP(3),
    "lastPruneStartedAt" TIMESTAMP(3),
    "lastPruneFinishedAt" TIMESTAMP(3),
    "lastBodiesCleared" INTEGER NOT NULL DEFAULT 0,
    "lastExchangesDeleted" INTEGER NOT NULL DEFAULT 0,
    "lastRunsDeleted" INTEGER NOT NULL DEFAULT 0,
    "lastJobsDeleted" INTEGER NOT NULL DEFAULT 0,
    "lastPagesFreed" INTEGER,
    "lastBytesFreed" BIGINT,
    "lastPruneError" TEXT,

    CONSTRAINT "RetentionSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Run_createdAt_idx" ON "Run"("createdAt");

-- CreateIndex
CREATE INDEX "Exchange_bodiesPrunedAt_createdAt_idx" ON "Exchange"("bodiesPrunedAt", "createdAt");

-- CreateIndex
CREATE INDEX "Exchange_createdAt_idx" ON "Exchange"("createdAt");

