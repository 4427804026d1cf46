import { getDb } from "../db/client";
import { hashPassword } from "../auth/password";
import { publicUserSelect, type NewUser, type PublicUser } from "./user-input";

export type CreateFirstAdminResult =
  { ok: true; user: PublicUser } | { ok: false; reason: "setup_complete" };

/**
 * Creates the workspace and its admin, once. There is no default account: the first visit to a
 * fresh install lands here, and after that the setup page refuses.
 */
export async function createFirstAdmin(input: NewUser): Promise<CreateFirstAdminResult> {
  const passwordHash = await hashPassword(input.password);
  return getDb().$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) return { ok: false, reason: "setup_complete" } as const;
    const workspace = await tx.workspace.create({ data: { name: "Default workspace" } });
    const user = await tx.user.create({
      data: { ...withoutPassword(input), passwordHash, role: "admin", workspaceId: workspace.id },
      select: publicUserSelect,
    });
    return { ok: true, user } as const;
  });
}

function withoutPassword({ name, email }: NewUser) {
  return { name, email };
}
