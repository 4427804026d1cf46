import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { AdminStatsView, UserView } from "../api/views";
import { apiFetch } from "./api-fetch";

export type UserRole = UserView["role"];
export const userRoles: readonly UserRole[] = ["admin", "editor", "viewer"];

export type InviteUserInput = { name: string; email: string; password: string; role: UserRole };

/** Key prefixes of the admin dashboard; `["admin"]` covers all of them. */
export const adminKeys = {
  all: ["admin"] as const,
  stats: ["admin", "stats"] as const,
  users: ["admin", "users"] as const,
  retention: ["admin", "retention"] as const,
  redaction: ["admin", "redaction"] as const,
};

/** Health and throughput figures for the dashboard. Admins only. */
export function adminStatsQueryOptions() {
  return queryOptions({
    queryKey: adminKeys.stats,
    queryFn: () => apiFetch<AdminStatsView>("/api/admin/stats"),
  });
}

/** Everyone in the workspace, with their role. */
export function usersQueryOptions() {
  return queryOptions({
    queryKey: adminKeys.users,
    queryFn: async () => (await apiFetch<{ users: UserView[] }>("/api/users")).users,
  });
}

/**
 * Creates a user with a password the admin hands over. Rejects with `ApiError` `email_taken`
 * or `validation_failed` (with `details.issues`), which the form shows next to its fields.
 */
export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: InviteUserInput) =>
      (await apiFetch<{ user: UserView }>("/api/users", { method: "POST", body: input })).user,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

/** Changes one user's role. Rejects with `ApiError` `conflict` when it would remove the last admin. */
export function useChangeUserRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ userId, role }: { userId: string; role: UserRole }) => {
      const path = `/api/users/${encodeURIComponent(userId)}`;
      return (await apiFetch<{ user: UserView }>(path, { method: "PATCH", body: { role } })).user;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users }),
  });
}
