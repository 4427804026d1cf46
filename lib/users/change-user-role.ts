import { getDb } from "../db/client";
import type { Role } from "../auth/roles";
import { publicUserSelect, type PublicUser } from "./user-input";

export type ChangeRoleResult =
  { ok: true; user: PublicUser } | { ok: false; reason: "not_found" | "last_admin" };

/** Changes a user's role in the workspace, keeping at least one admin so nobody is locked out. */
export async function changeUserRole(
  workspaceId: string,
  userId: string,
  role: Role,
): Promise<ChangeRoleResult> {
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, workspaceId } });
    if (!user) return { ok: false, reason: "not_found" } as const;
    if (user.role === "admin" && role !== "admin") {
      const admins = await tx.user.count({ where: { workspaceId, role: "admin" } });
      if (admins <= 1) return { ok: false, reason: "last_admin" } as const;
    }
    const updated = await tx.user.update({
      where: { id: userId },
      data: { role },
      select: publicUserSelect,
    });
    return { ok: true, user: updated } as const;
  });
}
