-- CreateTable
CREATE TABLE "RedactionSettings" (
    "id" TEXT NOT NULL,
    "headerNames" TEXT NOT NULL DEFAULT '[]',
    "jsonPaths" TEXT NOT NULL DEFAULT '[]',
    "maxStoredBodyBytes" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RedactionSettings_pkey" PRIMARY KEY ("id")
);

