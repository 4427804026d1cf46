import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import {
  cachedInboundWorkflow,
  INBOUND_WORKFLOW_CACHE_MS,
} from "@/lib/ingest/inbound-workflow-cache";
import { deactivateWorkflow } from "@/lib/workflows/set-workflow-active";
import { createInboundWorkflow } from "./support/inbound-fixtures";
import { createTestUser, type TestUser } from "./support/session";
import { leanServerWayIn } from "./support/ways-in";

let editor: TestUser;
beforeAll(async () => {
  editor = await createTestUser("editor");
});

describe("the inbound workflow cache", () => {
  it("sees a change made through the app at once", async () => {
    const way = leanServerWayIn();
    await way.start();
    try {
      const { id, token } = await createInboundWorkflow(editor);
      const body = JSON.stringify({ n: 1 });
      expect((await way.send(`/hooks/${token}`, { body })).status).toBe(202);

      await deactivateWorkflow(editor.workspaceId, id);
      const refused = await way.send(`/hooks/${token}`, { body });
      expect(refused.status).toBe(404);
      expect(refused.text).toContain("inactive");
    } finally {
      await way.stop();
    }
  });

  it("sees a change another process made once its entry expires", async () => {
    const { id, token } = await createInboundWorkflow(editor);
    const db = getDb();
    const start = Date.now();
    expect((await cachedInboundWorkflow(db, token, start))?.isActive).toBe(true);

    // Another process deactivates it: this process is not told.
    await db.workflow.update({ where: { id }, data: { isActive: false } });
    expect((await cachedInboundWorkflow(db, token, start + 10))?.isActive).toBe(true);
    const later = start + INBOUND_WORKFLOW_CACHE_MS + 1;
    expect((await cachedInboundWorkflow(db, token, later))?.isActive).toBe(false);
  });

  it("does not remember a token nobody listens at", async () => {
    const db = getDb();
    const { id, token } = await createInboundWorkflow(editor);
    await db.workflow.update({ where: { id }, data: { token: `${token}x` } });
    expect(await cachedInboundWorkflow(db, `${token}x`)).not.toBeNull();
    expect(await cachedInboundWorkflow(db, token)).toBeNull();
    await db.workflow.update({ where: { id }, data: { token } });
    expect(await cachedInboundWorkflow(db, token)).not.toBeNull();
  });
});
