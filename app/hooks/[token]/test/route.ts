import { ingestWebRequest } from "@/lib/ingest/web-adapter";

export const dynamic = "force-dynamic";

/** A workflow's test URL: captures one request while the editor listens. */
async function handler(
  request: Request,
  context: { params: Promise<{ token: string }> },
): Promise<Response> {
  const { token } = await context.params;
  return ingestWebRequest(request, { token, isTest: true });
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
