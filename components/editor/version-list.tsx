import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { WorkflowVersionSummaryView } from "@/lib/api/views";
import { comparisonFor, type Comparison, type ComparisonSide } from "./version-comparison";

/** The history's entries: the draft while it differs, then every version, newest first. */
export function VersionList({
  versions,
  draft,
  isActive,
  selected,
  canEdit,
  onCompare,
  onRestore,
}: {
  versions: readonly WorkflowVersionSummaryView[];
  /** Null while the draft holds what the newest version holds. */
  draft: { isUnsaved: boolean } | null;
  isActive: boolean;
  /** The entry whose changes are shown. */
  selected: ComparisonSide;
  canEdit: boolean;
  onCompare: (comparison: Comparison) => void;
  onRestore: (number: number) => void;
}) {
  const versionNumbers = versions.map((version) => version.number);
  const compare = (side: ComparisonSide) => onCompare(comparisonFor(side, versionNumbers));

  return (
    <div className="flex min-h-0 flex-col gap-2">
      {isActive ? null : (
        <p className="text-xs text-slate-500">The workflow is inactive: no version is live.</p>
      )}
      <ol aria-label="Versions" className="max-h-[60vh] space-y-1.5 overflow-y-auto pr-1">
        {draft ? (
          <Entry isSelected={selected === "draft"} label="Draft">
            <div className="flex items-center gap-2">
              <span className="font-medium text-slate-900">Draft</span>
              <Badge tone="amber">{draft.isUnsaved ? "Unsaved changes" : "Not published"}</Badge>
            </div>
            <p className="text-xs text-slate-500">What the editor holds now</p>
            <Button variant="ghost" className="-ml-2 text-xs" onClick={() => compare("draft")}>
              Show changes
              <span className="sr-only"> in the draft</span>
            </Button>
          </Entry>
        ) : null}
        {versions.map((version) => (
          <Entry
            key={version.number}
            isSelected={selected === version.number}
            label={`Version ${version.number}`}
          >
            <div className="flex items-center gap-2">
              <span className="font-medium text-slate-900">Version {version.number}</span>
              {version.isLive ? <Badge tone="green">Live</Badge> : null}
            </div>
            <p className="text-xs text-slate-500">
              {version.createdBy ? (
                <span title={version.createdBy.email}>{version.createdBy.name}</span>
              ) : (
                "A deleted user"
              )}
              {" · "}
              <RelativeTime iso={version.createdAt} />
            </p>
            <div className="-ml-2 flex gap-1">
              <Button variant="ghost" className="text-xs" onClick={() => compare(version.number)}>
                Show changes
                <span className="sr-only"> in version {version.number}</span>
              </Button>
              {canEdit ? (
                <Button
                  variant="ghost"
                  className="text-xs"
                  onClick={() => onRestore(version.number)}
                >
                  Restore
                  <span className="sr-only"> version {version.number}</span>
                </Button>
              ) : null}
            </div>
          </Entry>
        ))}
      </ol>
      {versions.length === 0 && draft === null ? (
        <p className="text-sm text-slate-500">
          No versions yet. Activating the workflow publishes its first version.
        </p>
      ) : null}
    </div>
  );
}

function Entry({
  isSelected,
  label,
  children,
}: {
  isSelected: boolean;
  label: string;
  children: ReactNode;
}) {
  return (
    <li
      aria-label={label}
      aria-current={isSelected ? "true" : undefined}
      className={`rounded-md border px-3 py-2 text-sm ${
        isSelected ? "border-indigo-300 bg-indigo-50/60" : "border-slate-200 bg-white"
      }`}
    >
      {children}
    </li>
  );
}
