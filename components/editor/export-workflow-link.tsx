import { workflowExportPath } from "@/lib/client/workflow-transfer";

/**
 * Downloads the saved draft as a JSON document, secrets left out. A plain link: the browser
 * sends the session cookie and saves the answer under the name the server gives it.
 */
export function ExportWorkflowLink({ workflowId }: { workflowId: string }) {
  return (
    <a
      href={workflowExportPath(workflowId)}
      download
      title="Download the saved draft as JSON, without secrets"
      className="inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
    >
      Export
    </a>
  );
}
