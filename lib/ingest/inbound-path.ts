/** Which inbound URL was asked: a workflow's production URL or its test URL. */
export type InboundTarget = { token: string; isTest: boolean };

/**
 * Finds where `/hooks/<token>` or `/hooks/<token>/test` points; null for any other path.
 *
 * @example matchInboundPath("/hooks/abc/test?x=1") // { token: "abc", isTest: true }
 */
export function matchInboundPath(url: string): InboundTarget | null {
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  if (!path.startsWith("/hooks/")) return null;
  const parts = path.slice("/hooks/".length).split("/");
  const token = parts[0] ?? "";
  if (token === "") return null;
  if (parts.length === 1 || (parts.length === 2 && parts[1] === "")) {
    return { token, isTest: false };
  }
  if (parts.length === 2 && parts[1] === "test") return { token, isTest: true };
  return null;
}
