import { getDb } from "../db/client";
import { hashPassword } from "../auth/password";
import { publicUserSelect, type InvitedUser, type PublicUser } from "./user-input";

export type InviteUserResult =
  { ok: true; user: PublicUser } | { ok: false; reason: "email_taken" };

/** Creates a user with a role in the admin's workspace, with a password the admin hands over. */
export async function inviteUser(
  workspaceId: string,
  input: InvitedUser,
): Promise<InviteUserResult> {
  const db = getDb();
  if (await db.user.findUnique({ where: { email: input.email } })) {
    return { ok: false, reason: "email_taken" };
  }
  const user = await db.user.create({
    data: {
      workspaceId,
      name: input.name,
      email: input.email,
      role: input.role,
      passwordHash: await hashPassword(input.password),
    },
    select: publicUserSelect,
  });
  return { ok: true, user };
}
