/** An error answered by the API, carrying its stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type ApiFetchOptions = { method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; body?: unknown };

/**
 * The browser's one way to the JSON API: sends JSON, and turns error answers into `ApiError`
 * so TanStack Query sees a rejected promise with the code and message the server chose.
 */
export async function apiFetch<T>(path: string, options: ApiFetchOptions = {}): Promise<T> {
  const response = await fetch(path, {
    method: options.method ?? "GET",
    headers: options.body === undefined ? undefined : { "content-type": "application/json" },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: "same-origin",
  });
  const payload: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, payload);
  return payload as T;
}

function toApiError(status: number, payload: unknown): ApiError {
  if (typeof payload === "object" && payload !== null && "error" in payload) {
    const error = (payload as { error: { code?: unknown; message?: unknown; details?: unknown } })
      .error;
    return new ApiError(
      status,
      typeof error.code === "string" ? error.code : "unknown",
      typeof error.message === "string" ? error.message : `Request failed with ${status}`,
      error.details,
    );
  }
  return new ApiError(status, "unknown", `Request failed with ${status}`);
}

/**
 * The messages of a `validation_failed` error by the field they name (`details.issues`), the
 * first per field; empty for any other error, so a form can show each next to its input.
 */
export function issuesByField(error: unknown): Map<string, string> {
  const byField = new Map<string, string>();
  if (!(error instanceof ApiError) || error.code !== "validation_failed") return byField;
  const { details } = error;
  if (typeof details !== "object" || details === null || !("issues" in details)) return byField;
  if (!Array.isArray(details.issues)) return byField;

  const issues: unknown[] = details.issues;
  for (const issue of issues) {
    if (typeof issue !== "object" || issue === null) continue;
    if (!("path" in issue) || !("message" in issue)) continue;
    const { path, message } = issue;
    if (typeof path === "string" && typeof message === "string" && !byField.has(path)) {
      byField.set(path, message);
    }
  }
  return byField;
}
