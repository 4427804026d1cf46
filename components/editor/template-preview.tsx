"use client";

import { useMemo } from "react";
import { previewTemplate, type TemplatePreview } from "@/lib/workflow/preview-template";
import type { TemplateFormat } from "@/lib/workflow/templates";
import { useTemplateSamplesContext } from "./use-template-samples";

/** Longest preview shown; the rest is cut with a note, as the full text may be a large body. */
const maxShownChars = 2_000;

/**
 * What a template field's text gives with the sample data, under the field: the rendered
 * value, or why it cannot be shown. Syntax errors are left to the field's own validation
 * messages, which already name them.
 */
export function TemplatePreviewNote({
  id,
  text,
  format,
  label,
}: {
  id: string;
  text: string;
  format: TemplateFormat;
  label: string;
}) {
  const samples = useTemplateSamplesContext();
  const preview = useMemo(
    () => (samples === null ? null : previewTemplate(text, format, samples)),
    [samples, text, format],
  );
  if (preview === null || preview.kind === "plain") return null;

  return (
    <section
      id={id}
      aria-label={`Preview of ${label}`}
      className="space-y-1 rounded-md bg-slate-50 px-2.5 py-2 text-xs ring-1 ring-slate-200"
    >
      <PreviewBody preview={preview} />
    </section>
  );
}

function PreviewBody({ preview }: { preview: Exclude<TemplatePreview, { kind: "plain" }> }) {
  if (preview.kind === "invalid") {
    return <p className="text-slate-500">No preview until the template is fixed.</p>;
  }
  return (
    <>
      {preview.problems.length > 0 ? (
        <ul className="space-y-0.5">
          {preview.problems.map((problem) => (
            <li
              key={problem.message}
              className={problem.severity === "error" ? "text-rose-700" : "text-amber-700"}
            >
              {problem.message}
            </li>
          ))}
        </ul>
      ) : null}
      {preview.note ? <p className="text-slate-500">{preview.note}</p> : null}
      {preview.value !== undefined ? <PreviewValue value={preview.value} /> : null}
    </>
  );
}

function PreviewValue({ value }: { value: string }) {
  const isCut = value.length > maxShownChars;
  return (
    <div>
      <span className="font-medium text-slate-600">Preview</span>
      {value === "" ? (
        <p className="text-slate-400 italic">empty</p>
      ) : (
        <pre className="mt-0.5 max-h-40 overflow-auto font-mono break-all whitespace-pre-wrap text-slate-800">
          {isCut ? `${value.slice(0, maxShownChars)}…` : value}
        </pre>
      )}
      {isCut ? (
        <p className="text-slate-400">
          Showing the first {maxShownChars} of {value.length} characters.
        </p>
      ) : null}
    </div>
  );
}
