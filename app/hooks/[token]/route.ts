import { ingestWebRequest } from "@/lib/ingest/web-adapter";

export const dynamic = "force-dynamic";

/** A workflow's production URL. `npm start` serves it from the lean server, with the same code. */
async function handler(
  request: Request,
  context: { params: Promise<{ token: string }> },
): Promise<Response> {
  const { token } = await context.params;
  return ingestWebRequest(request, { token, isTest: false });
}

export {
  handler as GET,
  handler as POST,
  handler as PUT,
  handler as PATCH,
  handler as DELETE,
  handler as HEAD,
  handler as OPTIONS,
};
