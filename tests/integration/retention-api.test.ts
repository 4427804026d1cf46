import { beforeAll, describe, expect, it } from "vitest";
import * as retention from "@/app/api/admin/retention/route";
import * as prune from "@/app/api/admin/retention/prune/route";
import type { RetentionView } from "@/lib/api/views";
import { apiRequest, createTestUser, routeParams, type TestUser } from "./support/session";

let admin: TestUser;
let editor: TestUser;

beforeAll(async () => {
  admin = await createTestUser("admin");
  editor = await createTestUser("editor", admin.workspaceId);
});

function putPolicy(user: TestUser, body: unknown) {
  return retention.PUT(apiRequest("PUT", "/api/admin/retention", { user, body }), routeParams({}));
}

describe("the retention API", () => {
  it("answers the defaults before anyone changed them: bodies 7 days, metadata 30 days", async () => {
    const response = await retention.GET(
      apiRequest("GET", "/api/admin/retention", { user: admin }),
      routeParams({}),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      bodyRetentionHours: 168,
      metadataRetentionHours: 720,
      lastPrune: null,
    });
  });

  it("lets an admin change the windows", async () => {
    const response = await putPolicy(admin, {
      bodyRetentionHours: 24,
      metadataRetentionHours: 240,
    });
    expect(response.status).toBe(200);
    const view = (await response.json()) as RetentionView;
    expect(view).toMatchObject({ bodyRetentionHours: 24, metadataRetentionHours: 240 });
  });

  it("refuses an editor with 403, for the settings and for pruning", async () => {
    const put = await putPolicy(editor, { bodyRetentionHours: 24, metadataRetentionHours: 48 });
    expect(put.status).toBe(403);
    expect(await put.json()).toMatchObject({ error: { code: "forbidden" } });
    const post = await prune.POST(
      apiRequest("POST", "/api/admin/retention/prune", { user: editor }),
      routeParams({}),
    );
    expect(post.status).toBe(403);
  });

  it.each([
    [
      "bodies kept under an hour",
      { bodyRetentionHours: 0, metadataRetentionHours: 24 },
      "bodyRetentionHours",
    ],
    [
      "bodies kept over 365 days",
      { bodyRetentionHours: 8761, metadataRetentionHours: 9000 },
      "bodyRetentionHours",
    ],
    [
      "metadata shorter than bodies",
      { bodyRetentionHours: 48, metadataRetentionHours: 24 },
      "metadataRetentionHours",
    ],
    [
      "a fraction of an hour",
      { bodyRetentionHours: 1.5, metadataRetentionHours: 24 },
      "bodyRetentionHours",
    ],
  ])("answers 400 validation_failed for %s", async (_case, body, field) => {
    const response = await putPolicy(admin, body);
    expect(response.status).toBe(400);
    const payload = (await response.json()) as {
      error: { code: string; details: { issues: { path: string }[] } };
    };
    expect(payload.error.code).toBe("validation_failed");
    expect(payload.error.details.issues.map((issue) => issue.path)).toContain(field);
  });

  it("prunes at an admin's request and answers with the pass's figures", async () => {
    const response = await prune.POST(
      apiRequest("POST", "/api/admin/retention/prune", { user: admin }),
      routeParams({}),
    );
    expect(response.status).toBe(200);
    const view = (await response.json()) as RetentionView;
    expect(view.isPruning).toBe(false);
    expect(view.lastPrune).toMatchObject({ exchangesDeleted: 0, error: null });
  });
});
