"use client";

import { useState } from "react";

/** Children a node lists before a "show more" button, so a huge array renders quickly. */
const CHILDREN_PER_PAGE = 100;

/** Levels open when the tree first shows. */
const OPEN_DEPTH = 3;

type JsonContainer = Record<string, unknown> | unknown[];

/**
 * A parsed JSON value as a tree whose objects and arrays open and close one by one, or all at
 * once. Keys and strings are quoted as in JSON, and long strings wrap.
 */
export function JsonTree({ value, label }: { value: unknown; label: string }) {
  // Expanding or collapsing everything remounts the tree with every node's first state set
  // by `openDepth`, which is cheaper than tracking each node's path.
  const [layout, setLayout] = useState({ openDepth: OPEN_DEPTH, generation: 0 });
  const setOpenDepth = (openDepth: number) =>
    setLayout((current) => ({ openDepth, generation: current.generation + 1 }));

  return (
    <div className="rounded-md bg-slate-50 ring-1 ring-inset ring-slate-200">
      <div className="flex justify-end gap-1 border-b border-slate-200 px-2 py-1">
        <TreeAction onClick={() => setOpenDepth(Number.POSITIVE_INFINITY)}>Expand all</TreeAction>
        <TreeAction onClick={() => setOpenDepth(1)}>Collapse all</TreeAction>
      </div>
      <ul
        key={layout.generation}
        aria-label={label}
        className="max-h-[32rem] overflow-auto p-2 font-mono text-xs leading-relaxed"
      >
        <JsonNode name={null} caption="Body" value={value} depth={0} openDepth={layout.openDepth} />
      </ul>
    </div>
  );
}

type JsonNodeProps = {
  /** The key shown before the value; null for array items and the root. */
  name: string | null;
  /** What the node's toggle is called: its key, or its index in an array. */
  caption: string;
  value: unknown;
  depth: number;
  openDepth: number;
};

function JsonNode({ name, caption, value, depth, openDepth }: JsonNodeProps) {
  if (!isContainer(value)) {
    return (
      <li className="min-w-0 whitespace-pre-wrap break-all pl-4">
        <Key name={name} />
        <Primitive value={value} />
      </li>
    );
  }
  return (
    <ContainerNode
      name={name}
      caption={caption}
      value={value}
      depth={depth}
      openDepth={openDepth}
    />
  );
}

function ContainerNode({
  name,
  caption,
  value,
  depth,
  openDepth,
}: JsonNodeProps & { value: JsonContainer }) {
  const [isOpen, setIsOpen] = useState(depth < openDepth);
  const [shownCount, setShownCount] = useState(CHILDREN_PER_PAGE);
  const entries = Array.isArray(value)
    ? value.map((item, index): [string, unknown] => [String(index), item])
    : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  const size = `${entries.length} ${Array.isArray(value) ? "items" : entries.length === 1 ? "key" : "keys"}`;
  const hidden = entries.length - shownCount;

  return (
    <li className="min-w-0">
      <button
        type="button"
        aria-expanded={isOpen}
        aria-label={`${caption}, ${size}`}
        onClick={() => setIsOpen((current) => !current)}
        className="group flex items-center rounded text-left hover:bg-slate-200/60"
      >
        <Chevron isOpen={isOpen} />
        <span className="whitespace-pre-wrap break-all">
          <Key name={name} />
          <span className="text-slate-500">{open}</span>
          {isOpen ? null : (
            <span className="text-slate-400">
              {` ${size} `}
              {close}
            </span>
          )}
        </span>
      </button>
      {isOpen ? (
        <>
          <ul className="ml-[7px] border-l border-slate-200 pl-2">
            {entries.slice(0, shownCount).map(([key, item]) => (
              <JsonNode
                key={key}
                name={Array.isArray(value) ? null : key}
                caption={Array.isArray(value) ? `[${key}]` : key}
                value={item}
                depth={depth + 1}
                openDepth={openDepth}
              />
            ))}
            {hidden > 0 ? (
              <li className="pl-4">
                <button
                  type="button"
                  onClick={() => setShownCount((count) => count + CHILDREN_PER_PAGE)}
                  className="font-sans text-xs font-medium text-indigo-600 hover:text-indigo-500"
                >
                  Show {Math.min(hidden, CHILDREN_PER_PAGE)} more of {hidden}
                </button>
              </li>
            ) : null}
          </ul>
          <span className="pl-4 text-slate-500">{close}</span>
        </>
      ) : null}
    </li>
  );
}

function Key({ name }: { name: string | null }) {
  if (name === null) return null;
  return (
    <>
      <span className="text-violet-700">{JSON.stringify(name)}</span>
      <span className="text-slate-500">: </span>
    </>
  );
}

function Primitive({ value }: { value: unknown }) {
  if (typeof value === "string") {
    return <span className="text-emerald-700">{JSON.stringify(value)}</span>;
  }
  if (typeof value === "number") return <span className="text-sky-700">{String(value)}</span>;
  if (typeof value === "boolean") return <span className="text-amber-700">{String(value)}</span>;
  return <span className="text-slate-500">null</span>;
}

function Chevron({ isOpen }: { isOpen: boolean }) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 20 20"
      fill="currentColor"
      className={`h-4 w-4 shrink-0 text-slate-400 transition-transform ${isOpen ? "rotate-90" : ""}`}
    >
      <path d="M7.22 14.78a.75.75 0 0 1 0-1.06L10.94 10 7.22 6.28a.75.75 0 0 1 1.06-1.06l4.25 4.25a.75.75 0 0 1 0 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0Z" />
    </svg>
  );
}

function TreeAction({ onClick, children }: { onClick: () => void; children: string }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="rounded px-2 py-0.5 text-xs font-medium text-slate-600 hover:bg-slate-200/60"
    >
      {children}
    </button>
  );
}

function isContainer(value: unknown): value is JsonContainer {
  return typeof value === "object" && value !== null;
}
