"use client";

import { useId, useState } from "react";
import { inputClass } from "@/components/ui/field";
import type { ControlA11yProps } from "./field-shell";

/** Standard Webhooks secrets: "whsec_" and the base64 of 24 random bytes (192 bits). */
function generateSigningSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return `whsec_${btoa(String.fromCharCode(...bytes))}`;
}

/**
 * A secret setting: hidden unless asked for, with a generator so nobody has to invent one. Once
 * it holds a secret, the generator becomes Rotate, which replaces it in the draft; the server
 * keeps the old secret signing beside the new one for a grace period after activation.
 */
export function SecretField({
  value,
  onChange,
  ...a11y
}: ControlA11yProps & { value: string; onChange: (value: unknown) => void }) {
  const [isRevealed, setIsRevealed] = useState(false);
  const rotateHelpId = useId();
  const canRotate = value !== "";

  return (
    <div className="space-y-1.5">
      <div className="flex items-center gap-1.5">
        <input
          {...a11y}
          type={isRevealed ? "text" : "password"}
          autoComplete="off"
          spellCheck={false}
          className={`${inputClass} font-mono text-xs`}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
        <button
          type="button"
          onClick={() => setIsRevealed(!isRevealed)}
          className="shrink-0 rounded-md px-2 py-1.5 text-xs font-medium text-slate-600 hover:bg-slate-100"
        >
          {isRevealed ? "Hide" : "Show"}
        </button>
        <button
          type="button"
          onClick={() => onChange(generateSigningSecret())}
          aria-describedby={canRotate ? rotateHelpId : undefined}
          className="shrink-0 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-xs font-medium text-slate-700 shadow-xs hover:bg-slate-50 disabled:text-slate-400"
        >
          {canRotate ? "Rotate" : "Generate"}
        </button>
      </div>
      {canRotate ? (
        <p id={rotateHelpId} className="text-xs text-slate-500">
          Rotate puts a new secret in the draft. After the new version is activated, the old secret
          keeps signing beside it for the grace period (24 hours by default), so receivers can
          switch over.
        </p>
      ) : null}
    </div>
  );
}
