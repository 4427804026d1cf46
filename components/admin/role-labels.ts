import type { UserRole } from "@/lib/client/admin-queries";

export const roleLabels: Record<UserRole, string> = {
  admin: "Admin",
  editor: "Editor",
  viewer: "Viewer",
};
