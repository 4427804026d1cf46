"use client";

import { useMemo, useState } from "react";
import { hexRows } from "@/lib/exchanges/body-bytes";
import { formatBytes } from "../ui/format";

/** Bytes rendered at first and added by each "show more": 256 rows of 16. */
const BYTES_PER_PAGE = 4_096;

/** A hex dump of a body: offset, sixteen bytes in hex, and their printable characters. */
export function HexView({ bytes, label }: { bytes: Uint8Array; label: string }) {
  const [shownBytes, setShownBytes] = useState(BYTES_PER_PAGE);
  const rows = useMemo(() => hexRows(bytes, 0, shownBytes), [bytes, shownBytes]);
  const hiddenBytes = bytes.length - Math.min(bytes.length, shownBytes);

  return (
    <div className="rounded-md bg-slate-50 ring-1 ring-inset ring-slate-200">
      <div className="max-h-[32rem] overflow-auto py-2">
        <table aria-label={label} className="font-mono text-xs leading-relaxed">
          <thead className="sr-only">
            <tr>
              <th scope="col">Offset</th>
              <th scope="col">Bytes</th>
              <th scope="col">Characters</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.offset}>
                <td className="select-none py-px pl-3 pr-3 text-slate-400">{row.offset}</td>
                <td className="whitespace-pre py-px pr-3 text-slate-800">{row.hex}</td>
                <td className="whitespace-pre py-px pr-3 text-slate-500">{row.ascii}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hiddenBytes > 0 ? (
        <div className="border-t border-slate-200 px-3 py-1.5">
          <button
            type="button"
            onClick={() => setShownBytes((count) => count + BYTES_PER_PAGE)}
            className="text-xs font-medium text-indigo-600 hover:text-indigo-500"
          >
            Show {formatBytes(Math.min(hiddenBytes, BYTES_PER_PAGE))} more ·{" "}
            {formatBytes(hiddenBytes)} not shown
          </button>
        </div>
      ) : null}
    </div>
  );
}
