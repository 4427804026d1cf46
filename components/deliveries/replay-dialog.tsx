"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useState, type FormEvent } from "react";
import { useCanEdit } from "@/components/shell/session-user";
import { Modal } from "@/components/ui/modal";
import type { ExchangeView } from "@/lib/api/views";
import { ApiError, issuesByField } from "@/lib/client/api-fetch";
import { useReplayExchange, type ReplayEditsInput } from "@/lib/client/replay-mutations";
import { REDACTED } from "@/lib/secrets/redact";
import { Button } from "../ui/button";
import { inputClass, TextField } from "../ui/field";

// The client frames the message and signs webhook attempts afresh: these are never resent.
const FRAMING_HEADERS = new Set(["host", "content-length", "transfer-encoding", "connection"]);
const SIGNATURE_HEADERS = new Set(["webhook-id", "webhook-timestamp", "webhook-signature"]);

type HeaderRow = { key: number; name: string; value: string };

type ReplayButtonProps = {
  exchange: ExchangeView;
  /** Where the log shows another exchange in the inspector. */
  hrefFor: (exchangeId: string) => string;
};

/**
 * "Replay with edits" for editors and admins: opens a dialog prefilled with the exchange's
 * request, sends the edited request, and opens the new exchange in the inspector.
 */
export function ReplayWithEditsButton({ exchange, hrefFor }: ReplayButtonProps) {
  const canEdit = useCanEdit();
  const [isOpen, setIsOpen] = useState(false);
  if (!canEdit) return null;

  // Beside Resend (webhook attempts) the row is already pushed right; otherwise this is.
  const placement = exchange.kind === "webhook_attempt" && exchange.deliveryId ? "" : "ml-auto";
  return (
    <>
      <Button className={placement} onClick={() => setIsOpen(true)}>
        Replay with edits
      </Button>
      {isOpen ? (
        <ReplayDialog exchange={exchange} hrefFor={hrefFor} onClose={() => setIsOpen(false)} />
      ) : null}
    </>
  );
}

function ReplayDialog({ exchange, hrefFor, onClose }: ReplayButtonProps & { onClose: () => void }) {
  const router = useRouter();
  const replay = useReplayExchange();
  const isWebhook = exchange.kind === "webhook_attempt";
  const isInbound = exchange.kind === "inbound";
  const [method, setMethod] = useState(exchange.method);
  const [url, setUrl] = useState(exchange.url);
  const [rows, setRows] = useState(() => initialRows(exchange));
  const [body, setBody] = useState(exchange.requestBody ?? "");
  const [isBodyEdited, setIsBodyEdited] = useState(false);
  useEscapeKeptFromPage();

  const isJson = rows.some(
    (row) => row.name.trim().toLowerCase() === "content-type" && /json/i.test(row.value),
  );
  const jsonError = isJson && isBodyEdited ? jsonProblem(body) : null;
  const fieldErrors = issuesByField(replay.error);
  const redactedError =
    replay.error instanceof ApiError && replay.error.code === "redacted_header"
      ? replay.error.message
      : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (jsonError) return;
    const edits: ReplayEditsInput = { headers: headersOf(rows) };
    if (method !== exchange.method) edits.method = method.trim();
    if (url !== exchange.url) edits.url = url.trim();
    // An untouched body is left to the server, which resends the stored bytes exactly.
    if (isBodyEdited) edits.body = body;
    replay.mutate(
      { exchangeId: exchange.id, edits },
      {
        onSuccess: (result) => {
          onClose();
          router.push(hrefFor(result.exchangeId), { scroll: false });
        },
      },
    );
  }

  return (
    <Modal title="Replay with edits" size="2xl" onClose={onClose}>
      <form className="space-y-4" onSubmit={submit} noValidate>
        <p className="text-sm text-slate-600">{introFor(exchange)}</p>

        <div className="grid grid-cols-[7rem_1fr] gap-3">
          <TextField
            label="Method"
            value={method}
            onChange={(event) => setMethod(event.target.value)}
            disabled={isWebhook}
            maxLength={16}
            error={fieldErrors.get("method")}
            autoComplete="off"
          />
          <TextField
            label={isInbound ? "Path" : "URL"}
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            maxLength={2048}
            error={fieldErrors.get("url")}
            hint={isInbound ? "The run sees the query string of this path." : undefined}
            autoComplete="off"
          />
        </div>

        <HeaderRows
          rows={rows}
          onChange={setRows}
          error={redactedError}
          isRedactedRefused={!isInbound}
        />

        <BodyField
          value={body}
          onChange={(value) => {
            setBody(value);
            setIsBodyEdited(true);
          }}
          error={jsonError ?? fieldErrors.get("body")}
          hint={bodyHint(exchange, isBodyEdited)}
        />

        {replay.error && !redactedError && fieldErrors.size === 0 ? (
          <p role="alert" className="text-sm text-rose-600">
            {replay.error.message}
          </p>
        ) : null}

        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={replay.isPending || jsonError !== null}>
            {replay.isPending ? "Sending…" : "Send"}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

function introFor(exchange: ExchangeView): string {
  switch (exchange.kind) {
    case "inbound":
      return "Starts a new run of the workflow's published version with this request as its trigger data. The sender's verification is not checked again.";
    case "webhook_attempt":
      return "Sends the request to the endpoint once, under the same message id, signed afresh with the node's current secret. The delivery and its retries stay as they are.";
    case "api_call":
      return "Sends the request once, through the same network checks as any outbound request. The run is not changed.";
  }
}

function bodyHint(exchange: ExchangeView, isBodyEdited: boolean): string | undefined {
  const isWebhook = exchange.kind === "webhook_attempt";
  if (isBodyEdited) return isWebhook ? "The edited body is signed and sent as typed." : undefined;
  if (isWebhook) return "Left untouched, the delivery's full payload is sent.";
  if (exchange.requestBodyPruned) return "Retention removed the original body; type the body.";
  if (exchange.requestBodyTruncated) {
    return "The log kept only the start of the body; left untouched, the replay is refused.";
  }
  return undefined;
}

function HeaderRows({
  rows,
  onChange,
  error,
  isRedactedRefused,
}: {
  rows: HeaderRow[];
  onChange: (rows: HeaderRow[]) => void;
  error: string | null;
  /** Outbound replays refuse a redacted value; an inbound one reaches its run redacted anyway. */
  isRedactedRefused: boolean;
}) {
  const needsValue = (row: HeaderRow) => isRedactedRefused && row.value.includes(REDACTED);
  const update = (key: number, change: Partial<HeaderRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const nextKey = rows.reduce((max, row) => Math.max(max, row.key), 0) + 1;

  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-sm font-medium text-slate-700">Headers</legend>
      {rows.length === 0 ? <p className="text-xs italic text-slate-400">No headers</p> : null}
      {rows.map((row, index) => (
        <div key={row.key} className="space-y-1">
          <div className="flex items-center gap-2">
            <div className="w-2/5 shrink-0">
              <input
                aria-label={`Header ${index + 1} name`}
                className={`${inputClass} font-mono text-xs`}
                value={row.name}
                onChange={(event) => update(row.key, { name: event.target.value })}
                autoComplete="off"
                spellCheck={false}
              />
            </div>
            <div className="min-w-0 flex-1">
              <input
                aria-label={`Value of ${row.name.trim() || `header ${index + 1}`}`}
                className={`${inputClass} font-mono text-xs aria-invalid:border-amber-400 aria-invalid:bg-amber-50`}
                value={row.value}
                onChange={(event) => update(row.key, { value: event.target.value })}
                aria-invalid={needsValue(row) ? true : undefined}
                autoComplete="off"
                spellCheck={false}
              />
            </div>
            <button
              type="button"
              aria-label={`Remove header ${row.name || index + 1}`}
              onClick={() => onChange(rows.filter((candidate) => candidate.key !== row.key))}
              className="rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
            >
              <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
                <path d="M5.28 4.22a.75.75 0 0 0-1.06 1.06L8.94 10l-4.72 4.72a.75.75 0 1 0 1.06 1.06L10 11.06l4.72 4.72a.75.75 0 1 0 1.06-1.06L11.06 10l4.72-4.72a.75.75 0 0 0-1.06-1.06L10 8.94 5.28 4.22Z" />
              </svg>
            </button>
          </div>
          {needsValue(row) ? (
            <p className="text-xs text-amber-700">
              The log redacted this value: type the real one, or remove the header.
            </p>
          ) : null}
        </div>
      ))}
      {error ? (
        <p role="alert" className="text-xs text-rose-600">
          {error}
        </p>
      ) : null}
      <Button
        variant="ghost"
        onClick={() => onChange([...rows, { key: nextKey, name: "", value: "" }])}
      >
        Add header
      </Button>
    </fieldset>
  );
}

function BodyField({
  value,
  onChange,
  error,
  hint,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | null | undefined;
  hint: string | undefined;
}) {
  const id = useId();
  const noteId = `${id}-note`;
  const note = error ?? hint;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        Body
      </label>
      <textarea
        id={id}
        rows={8}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={note ? noteId : undefined}
        spellCheck={false}
        className={`${inputClass} font-mono text-xs leading-relaxed`}
      />
      {note ? (
        <p id={noteId} className={`text-xs ${error ? "text-rose-600" : "text-slate-500"}`}>
          {note}
        </p>
      ) : null}
    </div>
  );
}

function initialRows(exchange: ExchangeView): HeaderRow[] {
  const isWebhook = exchange.kind === "webhook_attempt";
  return Object.entries(exchange.requestHeaders)
    .filter(([name]) => {
      const lower = name.toLowerCase();
      return !FRAMING_HEADERS.has(lower) && !(isWebhook && SIGNATURE_HEADERS.has(lower));
    })
    .map(([name, value], index) => ({ key: index + 1, name, value }));
}

/** The rows with a name, as a header map; a later row with the same name wins. */
function headersOf(rows: readonly HeaderRow[]): Record<string, string> {
  return Object.fromEntries(
    rows.filter((row) => row.name.trim() !== "").map((row) => [row.name.trim(), row.value]),
  );
}

function jsonProblem(text: string): string | null {
  if (text.trim() === "") return null;
  try {
    JSON.parse(text);
    return null;
  } catch {
    return "The content type is JSON, but this body is not valid JSON.";
  }
}

/**
 * Escape closes the dialog and nothing else: the inspector behind it closes on Escape too,
 * listening on the document, so the key is stopped on its way there while the dialog is open.
 */
function useEscapeKeptFromPage() {
  useEffect(() => {
    const stopEscape = (event: KeyboardEvent) => {
      if (event.key === "Escape") event.stopPropagation();
    };
    window.addEventListener("keydown", stopEscape, { capture: true });
    return () => window.removeEventListener("keydown", stopEscape, { capture: true });
  }, []);
}
