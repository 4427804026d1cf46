import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-codes";
import { idParams } from "@/lib/api/schemas";
import { roleSchema } from "@/lib/auth/roles";
import { changeUserRole } from "@/lib/users/change-user-role";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute(
  { role: "admin", params: idParams, body: z.object({ role: roleSchema }) },
  async ({ user, params, body }) => {
    const result = await changeUserRole(user.workspaceId, params.id, body.role);
    if (result.ok) return Response.json({ user: result.user });
    switch (result.reason) {
      case "not_found":
        return errorResponse("not_found", "There is no such user in this workspace.");
      case "last_admin":
        return errorResponse("conflict", "The workspace needs at least one admin.");
    }
  },
);
