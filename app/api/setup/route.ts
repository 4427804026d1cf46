import { readJsonBody } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-codes";
import { createFirstAdmin } from "@/lib/users/create-first-admin";
import { newUserSchema } from "@/lib/users/user-input";

/** Creates the first admin on a fresh install; refused once anyone exists. */
export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request, newUserSchema);
  if (!body.ok) return body.response;

  const result = await createFirstAdmin(newUserSchema.parse(body.value));
  if (!result.ok)
    return errorResponse("setup_complete", "Setup is already complete. Sign in instead.");
  return Response.json({ user: result.user }, { status: 201 });
}
