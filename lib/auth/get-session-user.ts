import { getToken } from "next-auth/jwt";
import { getDb } from "../db/client";
import { getAuthSecret } from "./auth-secret";
import { roleSchema, type Role } from "./roles";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  workspaceId: string;
};

/** Splits a Cookie header into name/value pairs; malformed pieces are skipped. */
export function parseCookieHeader(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      cookies[name] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      continue;
    }
  }
  return cookies;
}

/**
 * Resolves the signed-in user from request headers. The role and workspace are read from the
 * database on every call, so a role change or a deleted account takes effect at once instead of
 * when the session token expires.
 */
export async function getSessionUser(headers: Headers): Promise<SessionUser | null> {
  const token = await getToken({
    // getToken reads only `headers` and `cookies` of the request it is given.
    req: { headers, cookies: parseCookieHeader(headers.get("cookie")) } as never,
    secret: getAuthSecret(),
  });
  if (!token?.sub) return null;

  const user = await getDb().user.findUnique({ where: { id: token.sub } });
  if (!user) return null;
  const role = roleSchema.safeParse(user.role);
  if (!role.success) return null;

  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: role.data,
    workspaceId: user.workspaceId,
  };
}
