import { getDb } from "../db/client";
import { publicUserSelect, type PublicUser } from "./user-input";

/** The workspace's users, oldest first. */
export function listUsers(workspaceId: string): Promise<PublicUser[]> {
  return getDb().user.findMany({
    where: { workspaceId },
    select: publicUserSelect,
    orderBy: { createdAt: "asc" },
  });
}
