import type { ReactNode } from "react";
import { Badge, type Tone } from "@/components/ui/badge";
import { formatJson } from "@/components/ui/format";
import {
  isDiffEmpty,
  type ChangedNode,
  type ConfigFieldChange,
  type DiffEdge,
  type DiffNode,
  type GraphDiff,
} from "@/lib/workflow/diff-graphs";

type Mark = "added" | "removed" | "changed";

const marks: Record<Mark, { label: string; tone: Tone }> = {
  added: { label: "Added", tone: "green" },
  removed: { label: "Removed", tone: "red" },
  changed: { label: "Changed", tone: "amber" },
};

/** Longer values are cut here: the list is for reading what changed, not whole documents. */
const maxValueChars = 800;

/** A diff of two graphs as a list: steps added, removed and changed, then connections. */
export function GraphDiffList({ diff }: { diff: GraphDiff }) {
  if (isDiffEmpty(diff)) {
    return <p className="text-sm text-slate-500">No differences.</p>;
  }
  return (
    <ul aria-label="Differences" className="space-y-2">
      {diff.addedNodes.map((node) => (
        <DiffItem key={`+${node.id}`} mark="added" title={<NodeName node={node} />} />
      ))}
      {diff.removedNodes.map((node) => (
        <DiffItem key={`-${node.id}`} mark="removed" title={<NodeName node={node} />} />
      ))}
      {diff.changedNodes.map((node) => (
        <DiffItem key={`~${node.id}`} mark="changed" title={<NodeName node={node} />}>
          <NodeChanges node={node} />
        </DiffItem>
      ))}
      {diff.addedEdges.map((edge) => (
        <DiffItem key={`+${edgeKey(edge)}`} mark="added" title={<EdgeName edge={edge} />} />
      ))}
      {diff.removedEdges.map((edge) => (
        <DiffItem key={`-${edgeKey(edge)}`} mark="removed" title={<EdgeName edge={edge} />} />
      ))}
    </ul>
  );
}

function DiffItem({
  mark,
  title,
  children,
}: {
  mark: Mark;
  title: ReactNode;
  children?: ReactNode;
}) {
  return (
    <li className="rounded-md border border-slate-200 bg-white px-3 py-2">
      <div className="flex items-center gap-2 text-sm">
        <Badge tone={marks[mark].tone}>{marks[mark].label}</Badge>
        {title}
      </div>
      {children}
    </li>
  );
}

function NodeName({ node }: { node: DiffNode }) {
  return (
    <span>
      <span className="font-mono font-medium text-slate-900">{node.id}</span>{" "}
      <span className="text-slate-500">{node.typeLabel}</span>
    </span>
  );
}

function EdgeName({ edge }: { edge: DiffEdge }) {
  return (
    <span className="text-slate-700">
      Connection <span className="font-mono">{edge.source}</span>
      {edge.handleLabel ? (
        <span className="text-slate-500"> ({edge.handleLabel})</span>
      ) : null} → <span className="font-mono">{edge.target}</span>
    </span>
  );
}

/** A value as the table shows it; a placeholder is a word standing in for no typed value. */
type Shown = { text: string; isPlaceholder: boolean };

type Row = { label: string; before: Shown; after: Shown };

function NodeChanges({ node }: { node: ChangedNode }) {
  const rows: Row[] = [];
  if (node.typeChange) {
    rows.push({
      label: "Type",
      before: typed(node.typeChange.before.typeLabel),
      after: typed(node.typeChange.after.typeLabel),
    });
  }
  for (const field of node.fields) rows.push({ label: field.label, ...fieldValues(field) });
  if (node.move) {
    const { before, after } = node.move;
    rows.push({
      label: "Position (x, y)",
      before: typed(`${before.x}, ${before.y}`),
      after: typed(`${after.x}, ${after.y}`),
    });
  }

  return (
    <table aria-label={`Changes to ${node.id}`} className="mt-2 w-full table-fixed text-xs">
      <thead className="text-left text-slate-500">
        <tr>
          <th className="w-36 pb-1 font-medium">Setting</th>
          <th className="pb-1 font-medium">Before</th>
          <th className="pb-1 font-medium">After</th>
        </tr>
      </thead>
      <tbody className="align-top">
        {rows.map((row, index) => (
          <tr key={`${index}:${row.label}`} className="border-t border-slate-100">
            <th scope="row" className="py-1 pr-2 text-left font-medium text-slate-700">
              {row.label}
            </th>
            <td className="py-1 pr-2">
              <Value shown={row.before} tone="before" />
            </td>
            <td className="py-1">
              <Value shown={row.after} tone="after" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Value({ shown, tone }: { shown: Shown; tone: "before" | "after" }) {
  const colors = tone === "before" ? "bg-rose-50 text-rose-900" : "bg-emerald-50 text-emerald-900";
  const style = shown.isPlaceholder ? "font-sans italic opacity-70" : "font-mono";
  return (
    <pre
      className={`max-h-40 overflow-auto whitespace-pre-wrap break-all rounded px-1.5 py-0.5 ${style} ${colors}`}
    >
      {shown.text}
    </pre>
  );
}

function fieldValues(field: ConfigFieldChange): { before: Shown; after: Shown } {
  if (field.isSecret) {
    return {
      before: placeholder(field.before === undefined ? "not set" : "hidden"),
      after: placeholder(field.after === undefined ? "not set" : "hidden, changed"),
    };
  }
  return { before: shownValue(field.before), after: shownValue(field.after) };
}

/** Settings as a person typed them: text as is, other values as JSON. */
function shownValue(value: unknown): Shown {
  if (value === undefined) return placeholder("not set");
  if (value === "") return placeholder("empty");
  const text = typeof value === "string" ? value : formatJson(value);
  return typed(text.length > maxValueChars ? `${text.slice(0, maxValueChars)}…` : text);
}

function typed(text: string): Shown {
  return { text, isPlaceholder: false };
}

function placeholder(text: string): Shown {
  return { text, isPlaceholder: true };
}

function edgeKey(edge: DiffEdge): string {
  return `${edge.source}:${edge.sourceHandle ?? ""}:${edge.target}`;
}
