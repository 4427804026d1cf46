import { apiRoute } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-codes";
import { idParams } from "@/lib/api/schemas";
import { exportWorkflow } from "@/lib/workflows/export-workflow";

export const dynamic = "force-dynamic";

/** Any member may export: the document holds what a viewer already sees, minus the secrets. */
export const GET = apiRoute({ role: "viewer", params: idParams }, async ({ user, params }) => {
  const document = await exportWorkflow(user.workspaceId, params.id);
  if (!document) return errorResponse("not_found", "There is no such workflow in this workspace.");
  return Response.json(document, {
    headers: { "content-disposition": `attachment; filename="${exportFileName(document.name)}"` },
  });
});

/** "Orders → ERP" gives "orders-erp.workflow.json": safe in a header and on any disk. */
function exportFileName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${slug === "" ? "workflow" : slug}.workflow.json`;
}
