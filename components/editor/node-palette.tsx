"use client";

import { memo, useId, type DragEvent, type KeyboardEvent } from "react";
import type { NodeCategory, NodeTypeDefinition } from "@/lib/workflow/node-type";
import { nodeTypes } from "@/lib/workflow/node-types";
import { NodeIcon } from "./node-icon";
import { nodeTypeMime, useAddNode } from "./use-add-node";

const groups: { category: NodeCategory; title: string }[] = [
  { category: "trigger", title: "Triggers" },
  { category: "action", title: "Actions" },
];

/**
 * One item per registered node type. Items drag onto the canvas (HTML5 drag and drop), and a
 * click or Enter adds the node in the middle of the view for people who do not drag.
 */
export const NodePalette = memo(function NodePalette({ onAdd }: { onAdd: (type: string) => void }) {
  return (
    <aside
      aria-label="Node palette"
      onKeyDown={moveFocusBetweenItems}
      className="flex w-64 shrink-0 flex-col overflow-y-auto border-r border-slate-200 bg-white"
    >
      <div className="border-b border-slate-100 px-4 py-3">
        <h2 className="text-sm font-semibold text-slate-900">Add a step</h2>
        <p className="mt-0.5 text-xs text-slate-500">Drag onto the canvas, or click to add.</p>
      </div>
      {groups.map((group) => (
        <section key={group.category} className="px-3 pt-4 pb-1">
          <h3 className="px-1 pb-2 text-[11px] font-semibold tracking-wider text-slate-400 uppercase">
            {group.title}
          </h3>
          <ul className="space-y-1.5">
            {nodeTypes
              .filter((definition) => definition.category === group.category)
              .map((definition) => (
                <li key={definition.type}>
                  <PaletteItem definition={definition} onAdd={onAdd} />
                </li>
              ))}
          </ul>
        </section>
      ))}
    </aside>
  );
});

/** Arrow keys, Home and End move between palette items; Enter or Space then adds one. */
function moveFocusBetweenItems(event: KeyboardEvent<HTMLElement>) {
  const items = [...event.currentTarget.querySelectorAll<HTMLButtonElement>("button[draggable]")];
  const current = items.findIndex((item) => item === event.target);
  const last = items.length - 1;
  const targets: Record<string, number> = {
    ArrowDown: Math.min(current + 1, last),
    ArrowUp: Math.max(current - 1, 0),
    Home: 0,
    End: last,
  };
  const next = items[targets[event.key] ?? -1];
  if (next === undefined) return;
  event.preventDefault();
  next.focus();
}

function PaletteItem({
  definition,
  onAdd,
}: {
  definition: NodeTypeDefinition;
  onAdd: (type: string) => void;
}) {
  const descriptionId = useId();

  function startDrag(event: DragEvent<HTMLButtonElement>) {
    event.dataTransfer.setData(nodeTypeMime, definition.type);
    event.dataTransfer.effectAllowed = "copy";
  }

  return (
    <button
      type="button"
      draggable
      onDragStart={startDrag}
      onClick={() => onAdd(definition.type)}
      aria-label={definition.label}
      aria-describedby={descriptionId}
      className="group flex w-full cursor-grab items-start gap-2.5 rounded-lg border border-slate-200 bg-white p-2.5 text-left shadow-xs transition hover:border-indigo-300 hover:shadow-sm focus-visible:border-indigo-500 focus-visible:ring-2 focus-visible:ring-indigo-500/30 focus-visible:outline-none active:cursor-grabbing"
    >
      <NodeIcon type={definition.type} category={definition.category} />
      <span className="min-w-0">
        <span className="block text-sm font-medium text-slate-800 group-hover:text-slate-900">
          {definition.label}
        </span>
        <span id={descriptionId} className="mt-0.5 line-clamp-2 text-xs text-slate-500">
          {definition.description}
        </span>
      </span>
    </button>
  );
}

/** The palette wired to the canvas: a click adds the node after the selected one, or mid-view. */
export function NodePaletteDock() {
  const { addAfterSelection } = useAddNode();
  return <NodePalette onAdd={addAfterSelection} />;
}
