import { encode } from "next-auth/jwt";
import { getAuthSecret } from "@/lib/auth/auth-secret";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";

export type TestUser = { id: string; workspaceId: string; role: Role; cookie: string };

let counter = 0;

/** A user with a role, in a new workspace unless one is given, with a valid session cookie. */
export async function createTestUser(role: Role, workspaceId?: string): Promise<TestUser> {
  const db = getDb();
  const workspace =
    workspaceId ?? (await db.workspace.create({ data: { name: "Test workspace" } })).id;
  counter += 1;
  const user = await db.user.create({
    data: {
      workspaceId: workspace,
      name: `${role} ${counter}`,
      email: `${role}-${counter}-${Date.now()}@example.test`,
      passwordHash: await hashPassword("not-used-in-these-tests"),
      role,
    },
  });
  const token = await encode({ token: { sub: user.id }, secret: getAuthSecret() });
  return { id: user.id, workspaceId: workspace, role, cookie: `next-auth.session-token=${token}` };
}

type RequestOptions = {
  user?: TestUser;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
};

/** A request as a browser or script would send it to the app on localhost. */
export function apiRequest(method: string, path: string, options: RequestOptions = {}): Request {
  const headers = new Headers(options.headers);
  if (options.user) headers.set("cookie", options.user.cookie);
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  return new Request(`http://localhost${path}`, { method, headers, body });
}

/** The second argument Next passes to a route handler. */
export function routeParams<P extends Record<string, string>>(params: P): { params: Promise<P> } {
  return { params: Promise.resolve(params) };
}
