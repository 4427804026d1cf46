"use client";

import { Modal } from "@/components/ui/modal";
import { Button } from "@/components/ui/button";

/** Every editor shortcut, as the help lists it; "Mod" reads Ctrl, or Cmd on a Mac. */
export const editorShortcuts: readonly { keys: string[][]; action: string }[] = [
  { keys: [["Mod", "Z"]], action: "Undo" },
  {
    keys: [
      ["Mod", "Shift", "Z"],
      ["Mod", "Y"],
    ],
    action: "Redo",
  },
  { keys: [["Mod", "C"]], action: "Copy the selected steps" },
  { keys: [["Mod", "X"]], action: "Cut the selected steps" },
  { keys: [["Mod", "V"]], action: "Paste steps, also from another workflow" },
  { keys: [["Mod", "A"]], action: "Select all steps" },
  { keys: [["Shift", "Click"]], action: "Add a step to the selection" },
  { keys: [["Shift", "Drag"]], action: "Select the steps inside a box" },
  { keys: [["Delete"], ["Backspace"]], action: "Delete the selection" },
  { keys: [["Mod", "S"]], action: "Save the draft" },
  { keys: [["↑"], ["↓"], ["Enter"]], action: "In the palette: choose a step and add it" },
  { keys: [["?"]], action: "Show these shortcuts" },
];

/** Whether the person is on a Mac, where Cmd takes Ctrl's place. */
function isMac(): boolean {
  return typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
}

/** The list of keyboard shortcuts, opened with `?` or the toolbar's keyboard button. */
export function KeyboardShortcutsDialog({ onClose }: { onClose: () => void }) {
  const mod = isMac() ? "Cmd" : "Ctrl";
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
      <table className="w-full text-sm">
        <caption className="sr-only">Keyboard shortcuts of the workflow editor</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {editorShortcuts.map(({ keys, action }) => (
            <tr key={action}>
              <td className="py-1.5 pr-4 whitespace-nowrap">
                {keys.map((combination, index) => (
                  <span key={combination.join("+")}>
                    {index > 0 ? <span className="px-1 text-xs text-slate-400">or</span> : null}
                    {combination.map((key) => (
                      <kbd
                        key={key}
                        className="mr-1 inline-block min-w-6 rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 text-center font-mono text-[11px] text-slate-700 shadow-[0_1px_0_rgb(203_213_225)]"
                      >
                        {key === "Mod" ? mod : key}
                      </kbd>
                    ))}
                  </span>
                ))}
              </td>
              <td className="py-1.5 text-slate-700">{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex justify-end">
        <Button onClick={onClose} autoFocus>
          Close
        </Button>
      </div>
    </Modal>
  );
}
