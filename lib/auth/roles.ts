import { z } from "zod";

export const roleSchema = z.enum(["admin", "editor", "viewer"]);
export type Role = z.infer<typeof roleSchema>;

const rank: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

/** True when `actual` grants at least what `required` asks: admin > editor > viewer. */
export function hasRole(actual: Role, required: Role): boolean {
  return rank[actual] >= rank[required];
}
