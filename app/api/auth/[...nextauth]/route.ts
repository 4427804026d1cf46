import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/auth-options";

export const dynamic = "force-dynamic";

type RouteHandler = (
  request: Request,
  context: { params: Promise<{ nextauth: string[] }> },
) => Promise<Response>;

// next-auth 4 types its app-router handler as `any`; this is the shape it has.
const createHandler = NextAuth as unknown as (
  options: ReturnType<typeof getAuthOptions>,
) => RouteHandler;

function handler(
  request: Request,
  context: { params: Promise<{ nextauth: string[] }> },
): Promise<Response> {
  return createHandler(getAuthOptions())(request, context);
}

export { handler as GET, handler as POST };
