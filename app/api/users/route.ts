import { apiRoute } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-codes";
import { inviteUser } from "@/lib/users/invite-user";
import { listUsers } from "@/lib/users/list-users";
import { invitedUserSchema } from "@/lib/users/user-input";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ role: "admin" }, async ({ user }) => {
  return Response.json({ users: await listUsers(user.workspaceId) });
});

export const POST = apiRoute({ role: "admin", body: invitedUserSchema }, async ({ user, body }) => {
  const result = await inviteUser(user.workspaceId, body);
  if (!result.ok)
    return errorResponse("email_taken", "Someone already has an account with that email.");
  return Response.json({ user: result.user }, { status: 201 });
});
