import { apiRoute } from "@/lib/api/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ role: "viewer" }, async ({ user }) => {
  return Response.json({
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
  });
});
