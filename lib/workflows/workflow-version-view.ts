import type { WorkflowVersionSummaryView } from "../api/views";

/** Select clause that loads what `toVersionSummaryView` needs of a version. */
export const versionSummarySelect = {
  id: true,
  number: true,
  createdAt: true,
  createdBy: { select: { name: true, email: true } },
} as const;

type VersionSummaryRecord = {
  id: string;
  number: number;
  createdAt: Date;
  createdBy: { name: string; email: string } | null;
};

/** Whether production runs a version depends on its workflow, so the workflow comes along. */
type VersionOwner = { isActive: boolean; activeVersionId: string | null };

/** The API's view of a version in a workflow's history, without its graph. */
export function toVersionSummaryView(
  version: VersionSummaryRecord,
  workflow: VersionOwner,
): WorkflowVersionSummaryView {
  return {
    number: version.number,
    createdAt: version.createdAt.toISOString(),
    createdBy: version.createdBy
      ? { name: version.createdBy.name, email: version.createdBy.email }
      : null,
    isLive: workflow.isActive && workflow.activeVersionId === version.id,
  };
}
