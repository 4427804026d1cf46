import { once } from "node:events";
import { createServer, connect, type AddressInfo, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, getDb, type Db } from "@/lib/db/client";
import { ingest } from "@/lib/ingest/ingest";
import { createInboundWorkflow } from "./support/inbound-fixtures";
import { createTestUser, type TestUser } from "./support/session";
import { fixedRedaction } from "@/lib/redaction/redaction-cache";
import { builtInRedactionRules } from "@/lib/redaction/redaction-rules";

const isPostgres = process.env.SWITCHYARD_TEST_DATABASE === "postgresql";

// Every refused request logs its database error in full; here they are expected, by the hundred.
vi.hoisted(() => {
  process.env.SWITCHYARD_LOG_LEVEL = "fatal";
});

/**
 * A TCP relay in front of the PostgreSQL server: cutting it ends every connection through it
 * and refuses new ones, as a database outage does; restoring it listens on the same port again.
 */
class DatabaseLink {
  #server: Server | null = null;
  readonly #sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly upstreamHost: string,
    private readonly upstreamPort: number,
  ) {}

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.upstreamPort, this.upstreamHost);
      for (const socket of [client, upstream]) {
        this.#sockets.add(socket);
        socket.on("close", () => this.#sockets.delete(socket));
        socket.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    server.listen(this.port, "127.0.0.1");
    await once(server, "listening");
    this.port = (server.address() as AddressInfo).port;
    this.#server = server;
  }

  async cut(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    for (const socket of this.#sockets) socket.destroy();
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}

type Answer = { sequence: number; status: number; ms: number; startedAt: number };

describe.runIf(isPostgres)("inbound requests while the database is down", () => {
  let editor: TestUser;
  let link: DatabaseLink;
  let db: Db;

  beforeAll(async () => {
    editor = await createTestUser("editor");
    const url = new URL(process.env.DATABASE_URL!);
    link = new DatabaseLink(url.hostname, Number(url.port || 5432));
    await link.open();
    url.hostname = "127.0.0.1";
    url.port = String(link.port);
    db = createDb({ kind: "postgresql", url: url.toString() }, { poolSize: 4 });
  });

  afterAll(async () => {
    await db.$disconnect();
    await link.cut();
  });

  it("acknowledges nothing it did not commit, answers 503 promptly, and recovers", async () => {
    const workflow = await createInboundWorkflow(editor);
    const target = { token: workflow.token, isTest: false };
    const redaction = fixedRedaction(builtInRedactionRules(4096));
    const options = { db, redaction, readTimeoutMs: 5_000, maxInFlight: 512 };
    const answers: Answer[] = [];
    let sequence = 0;
    let isSending = true;

    const sendOne = async () => {
      sequence += 1;
      const mine = sequence;
      const body = new TextEncoder().encode(JSON.stringify({ sequence: `seq-${mine}-end` }));
      const startedAt = Date.now();
      const answer = await ingest(
        {
          method: "POST",
          url: `/hooks/${workflow.token}`,
          headers: { "content-type": "application/json" },
          body: (async function* () {
            yield body;
          })(),
        },
        target,
        options,
      );
      answers.push({
        sequence: mine,
        status: answer.status,
        ms: Date.now() - startedAt,
        startedAt,
      });
    };
    const waitFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // Like a real sender, each one pauses briefly after a refusal before it tries again.
    const sender = async () => {
      while (isSending) {
        await sendOne();
        if (answers.at(-1)?.status !== 202) await waitFor(20);
      }
    };
    const senders = Array.from({ length: 8 }, sender);

    await waitFor(400);
    await link.cut();
    const cutAt = Date.now();
    await waitFor(1_500);
    const restoredAt = Date.now();
    await link.open();
    await waitFor(1_500);
    isSending = false;
    await Promise.all(senders);

    const before = answers.filter((answer) => answer.startedAt < cutAt - 50);
    const during = answers.filter(
      (answer) => answer.startedAt > cutAt + 50 && answer.startedAt < restoredAt - 50,
    );
    const after = answers.filter((answer) => answer.startedAt > restoredAt + 1_000);
    expect(before.some((answer) => answer.status === 202)).toBe(true);
    expect(during.length).toBeGreaterThan(0);
    expect(new Set(during.map((answer) => answer.status))).toEqual(new Set([503]));
    // Refused connections fail at once; no request waits out a timeout of its own.
    expect(Math.max(...during.map((answer) => answer.ms))).toBeLessThan(3_000);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((answer) => answer.status === 202)).toBe(true);
    expect(answers.every((answer) => answer.status === 202 || answer.status === 503)).toBe(true);

    const stored = await getDb().exchange.findMany({
      where: { workflowId: workflow.id, kind: "inbound", runId: { not: null } },
      select: { requestBody: true },
    });
    const storedSequences = new Set(
      stored.map((row) => /seq-(\d+)-end/.exec(row.requestBody ?? "")?.[1]),
    );
    const acknowledged = answers.filter((answer) => answer.status === 202);
    const lost = acknowledged.filter((answer) => !storedSequences.has(String(answer.sequence)));
    expect(lost).toEqual([]);
    expect(await getDb().run.count({ where: { workflowId: workflow.id } })).toBe(stored.length);
  });
});
