"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { ApiError } from "@/lib/client/api-fetch";
import { useImportWorkflow } from "@/lib/client/workflow-transfer";

/** The API's body limit; a larger file is refused here before it is sent. */
const maxDocumentBytes = 2 * 1024 * 1024;

/** How many of a refused document's issues the dialog lists. */
const maxIssuesShown = 5;

/**
 * Imports an exported workflow from a file or pasted JSON. The server checks the document and
 * creates a new, inactive workflow, which opens in the editor; a refusal lists what is wrong.
 */
export function ImportWorkflowDialog({ onClose }: { onClose: () => void }) {
  const router = useRouter();
  const importWorkflow = useImportWorkflow();
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState("");
  const [readError, setReadError] = useState<string | null>(null);
  const fileId = useId();
  const pastedId = useId();
  const isBusy = importWorkflow.isPending || importWorkflow.isSuccess;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    importWorkflow.reset();
    const read = await readDocument(file, pasted);
    setReadError(read.ok ? null : read.message);
    if (!read.ok) return;
    importWorkflow.mutate(
      { document: read.document },
      { onSuccess: (workflow) => router.push(`/workflows/${workflow.id}`) },
    );
  }

  return (
    <Modal title="Import a workflow" onClose={onClose}>
      <form className="space-y-4" onSubmit={(event) => void submit(event)}>
        <div className="space-y-1">
          <label htmlFor={fileId} className="block text-sm font-medium text-slate-700">
            Workflow file (.json)
          </label>
          <input
            id={fileId}
            type="file"
            accept=".json,application/json"
            className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </div>
        <div className="space-y-1">
          <label htmlFor={pastedId} className="block text-sm font-medium text-slate-700">
            Or paste its JSON
          </label>
          <textarea
            id={pastedId}
            rows={5}
            spellCheck={false}
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
            placeholder='{ "format": "switchyard/workflow", … }'
            className={`${inputClass} font-mono text-xs`}
          />
          <p className="text-xs text-slate-500">
            The workflow is created inactive. Secrets left out of the export are listed as problems
            to fill in.
          </p>
        </div>
        <ImportError readError={readError} error={importWorkflow.error} />
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            variant="primary"
            disabled={isBusy || (file === null && pasted.trim() === "")}
          >
            {isBusy ? "Importing…" : "Import workflow"}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

type ReadDocument = { ok: true; document: unknown } | { ok: false; message: string };

/** The chosen file wins over pasted text; either must be JSON within the size limit. */
async function readDocument(file: File | null, pasted: string): Promise<ReadDocument> {
  if (file !== null && file.size > maxDocumentBytes) {
    return { ok: false, message: "The file is larger than 2 MiB, more than any export." };
  }
  const text = file === null ? pasted : await file.text();
  try {
    return { ok: true, document: JSON.parse(text) };
  } catch {
    const source = file === null ? "The pasted text" : `${file.name}`;
    return { ok: false, message: `${source} is not JSON. Choose a file exported from a workflow.` };
  }
}

function ImportError({ readError, error }: { readError: string | null; error: Error | null }) {
  if (readError !== null) {
    return (
      <p role="alert" className="text-sm text-rose-600">
        {readError}
      </p>
    );
  }
  if (error === null) return null;
  const issues = issueMessages(error);
  return (
    <div role="alert" className="space-y-1 text-sm text-rose-600">
      <p>{error.message}</p>
      {issues.length > 0 ? (
        <ul className="list-disc space-y-0.5 pl-5 text-xs">
          {issues.slice(0, maxIssuesShown).map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
          {issues.length > maxIssuesShown ? (
            <li>and {issues.length - maxIssuesShown} more</li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}

/** The issues of an `import_invalid` answer as sentences, each led by where it is when known. */
function issueMessages(error: Error): string[] {
  if (!(error instanceof ApiError) || error.code !== "import_invalid") return [];
  const { details } = error;
  if (typeof details !== "object" || details === null || !("issues" in details)) return [];
  if (!Array.isArray(details.issues)) return [];

  const issues: unknown[] = details.issues;
  return issues.flatMap((issue) => {
    if (typeof issue !== "object" || issue === null || !("message" in issue)) return [];
    if (typeof issue.message !== "string") return [];
    const path = "path" in issue && typeof issue.path === "string" ? issue.path : "";
    return [path === "" ? issue.message : `${path}: ${issue.message}`];
  });
}
