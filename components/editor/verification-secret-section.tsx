"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { WorkflowView } from "@/lib/api/views";
import { issuesByField } from "@/lib/client/api-fetch";
import { useClearInboundSecret, useSetInboundSecret } from "@/lib/client/inbound-queries";
import type { VerificationKind } from "@/lib/workflow/webhook-trigger-node-type";
import {
  secretDescriptions,
  verificationNames,
  webhookVerificationOf,
} from "./inbound-verification-text";
import { useEditorStore } from "./use-editor-store";

/**
 * The secret the production URL verifies senders with. It is write-only: the server answers
 * only its last characters, so the panel can say which secret is stored but never show it.
 * The scheme is the saved draft's, as the server checks a new secret against that one.
 */
export function VerificationSecretSection({
  workflow,
  canEdit,
}: {
  workflow: WorkflowView;
  canEdit: boolean;
}) {
  const headingId = useId();
  const savedKind = webhookVerificationOf(workflow.draft);
  const editedKind = useEditorStore((state) => webhookVerificationOf(state.graph));
  const hint = workflow.inbound.secretHint;
  if (savedKind === null && hint === null) return null;

  return (
    <section aria-labelledby={headingId} className="space-y-2.5 p-4">
      <h3 id={headingId} className="text-sm font-semibold text-slate-900">
        Sender verification
      </h3>
      <SchemeSentence kind={savedKind} />
      {editedKind !== savedKind && editedKind !== null ? (
        <p className="text-xs text-amber-700">
          Save the workflow to use {verificationNames[editedKind]}: a secret is checked against the
          saved setting.
        </p>
      ) : null}
      {savedKind !== null && savedKind !== "none" ? <StoredSecret hint={hint} /> : null}
      {canEdit && savedKind !== null && savedKind !== "none" ? (
        <SecretForm workflowId={workflow.id} hasSecret={hint !== null} />
      ) : null}
      {canEdit && hint !== null ? <ClearSecret workflowId={workflow.id} /> : null}
    </section>
  );
}

function SchemeSentence({ kind }: { kind: VerificationKind | null }) {
  if (kind === null) {
    return <p className="text-xs text-slate-500">The saved draft has no Webhook trigger.</p>;
  }
  if (kind === "none") {
    return (
      <p className="text-xs text-slate-500">
        Verification is none, so any sender is accepted. Choose a scheme in the Webhook
        trigger&apos;s settings and save to require a secret.
      </p>
    );
  }
  return (
    <p className="text-xs text-slate-500">
      Verified by {verificationNames[kind]}. {secretDescriptions[kind]}
    </p>
  );
}

function StoredSecret({ hint }: { hint: string | null }) {
  if (hint === null) {
    return (
      <p className="flex items-center gap-1.5 text-xs font-medium text-amber-800">
        <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-amber-500" />
        No secret stored yet
      </p>
    );
  }
  return (
    <p className="flex items-center gap-1.5 text-xs text-slate-700">
      <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-emerald-500" />
      {hint === "…" ? (
        "A secret is stored"
      ) : (
        <span>
          Stored secret ends <code className="font-mono text-slate-900">{hint}</code>
        </span>
      )}
    </p>
  );
}

function SecretForm({ workflowId, hasSecret }: { workflowId: string; hasSecret: boolean }) {
  const inputId = useId();
  const errorId = `${inputId}-error`;
  const [secret, setSecret] = useState("");
  const [isSaved, setIsSaved] = useState(false);
  const setInboundSecret = useSetInboundSecret();
  const error = setInboundSecret.error
    ? (issuesByField(setInboundSecret.error).get("secret") ?? setInboundSecret.error.message)
    : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsSaved(false);
    setInboundSecret.mutate(
      { workflowId, secret },
      {
        onSuccess: () => {
          setSecret("");
          setIsSaved(true);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} className="space-y-1.5">
      <label htmlFor={inputId} className="block text-xs font-medium text-slate-700">
        {hasSecret ? "New verification secret" : "Verification secret"}
      </label>
      <div className="flex items-start gap-2">
        <input
          id={inputId}
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          value={secret}
          onChange={(event) => {
            setSecret(event.target.value);
            setIsSaved(false);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className={`${inputClass} font-mono text-xs`}
        />
        <Button
          type="submit"
          variant="primary"
          className="shrink-0"
          disabled={setInboundSecret.isPending}
        >
          {hasSecret ? "Replace" : "Save secret"}
        </Button>
      </div>
      {error ? (
        <p id={errorId} className="text-xs text-rose-600">
          {error}
        </p>
      ) : null}
      {isSaved ? (
        <p role="status" className="text-xs text-emerald-700">
          Secret saved. It is not shown again.
        </p>
      ) : null}
    </form>
  );
}

function ClearSecret({ workflowId }: { workflowId: string }) {
  const [isConfirming, setIsConfirming] = useState(false);
  const clearInboundSecret = useClearInboundSecret();

  if (!isConfirming) {
    return (
      <button
        type="button"
        onClick={() => setIsConfirming(true)}
        className="text-xs font-medium text-rose-600 hover:text-rose-700"
      >
        Clear secret
      </button>
    );
  }
  return (
    <div role="group" aria-label="Confirm clearing the secret" className="space-y-1.5">
      <p className="text-xs text-slate-600">
        A live workflow that verifies senders stops accepting events until a new secret is set.
      </p>
      <div className="flex gap-2">
        <Button
          variant="danger"
          disabled={clearInboundSecret.isPending}
          onClick={() =>
            clearInboundSecret.mutate({ workflowId }, { onSuccess: () => setIsConfirming(false) })
          }
        >
          Clear it
        </Button>
        <Button variant="ghost" onClick={() => setIsConfirming(false)}>
          Keep it
        </Button>
      </div>
    </div>
  );
}
