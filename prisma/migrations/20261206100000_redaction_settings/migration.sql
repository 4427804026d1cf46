-- CreateTable
CREATE TABLE "RedactionSettings" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "headerNames" TEXT NOT NULL DEFAULT '[]',
    "jsonPaths" TEXT NOT NULL DEFAULT '[]',
    "maxStoredBodyBytes" INTEGER,
    "updatedAt" DATETIME NOT NULL
);

