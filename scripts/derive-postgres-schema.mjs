// prisma/schema.prisma is the one place models are defined. Prisma fixes the database provider
// inside a schema, so the PostgreSQL schema is derived from it by this script: the same models,
// another datasource and another generated client. `--check` fails when the derived file is
// stale, which the test suite runs.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const sourcePath = path.join(root, "prisma/schema.prisma");
export const derivedPath = path.join(root, "prisma/postgresql/schema.prisma");

const header =
  "// Derived from ../schema.prisma by `npm run db:derive`; edit that file, never this one.\n\n";

/** Rewrites the SQLite schema's generator output and datasource for PostgreSQL. */
export function derivePostgresSchema(source) {
  const replacements = [
    [/output\s*=\s*"\.\.\/lib\/db\/generated"/, 'output     = "../../lib/db/generated-pg"'],
    [/provider\s*=\s*"sqlite"/, 'provider = "postgresql"'],
    [/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost:5432/switchyard"'],
  ];
  let derived = source;
  for (const [pattern, replacement] of replacements) {
    if (!pattern.test(derived)) throw new Error(`schema.prisma no longer matches ${pattern}`);
    derived = derived.replace(pattern, replacement);
  }
  return header + derived;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const derived = derivePostgresSchema(readFileSync(sourcePath, "utf8"));
  if (process.argv.includes("--check")) {
    if (readFileSync(derivedPath, "utf8") !== derived) {
      console.error("prisma/postgresql/schema.prisma is stale: run `npm run db:derive`.");
      process.exit(1);
    }
  } else {
    writeFileSync(derivedPath, derived);
  }
}
