/** What a redacted value is replaced with, in stored exchanges and logs. */
export const REDACTED = "[redacted]";

// Headers that carry credentials under their standard or customary names.
const CREDENTIAL_HEADERS = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "x-api-key",
  "api-key",
]);

// Vendor headers name their credentials freely (x-auth-token, x-webhook-secret, ...). Matching
// on fragments catches most of them; a credential under a name with none of these fragments
// (say `x-key`) is not caught, which is why callers also pass known secrets to
// redactSecretValues. `webhook-signature` stays visible on purpose: a signature proves a
// message, it does not grant access.
const CREDENTIAL_NAME_FRAGMENTS = ["secret", "token", "password", "signature-key"];

/**
 * Returns a copy of `headers` with the values of credential-bearing headers replaced by
 * {@link REDACTED}, and those of `extraNames` (lower case) too. Names keep their original
 * letter case; matching ignores it.
 *
 * @example
 * redactHeaders({ Authorization: "Bearer abc", Accept: "text/plain" });
 * // { Authorization: "[redacted]", Accept: "text/plain" }
 */
export function redactHeaders(
  headers: Record<string, string>,
  extraNames: ReadonlySet<string> = new Set(),
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      isCredentialHeader(name) || extraNames.has(name.toLowerCase()) ? REDACTED : value,
    ]),
  );
}

/** The header names and name fragments that are always redacted, for the admin dashboard. */
export const builtInHeaderRules = {
  names: [...CREDENTIAL_HEADERS],
  fragments: CREDENTIAL_NAME_FRAGMENTS,
} as const;

/**
 * Replaces every literal occurrence of a known secret in `text` with {@link REDACTED}, for
 * bodies and URLs where a credential was interpolated. Empty secrets are ignored; a very short
 * secret is still redacted wherever it occurs, even inside unrelated words, because leaking
 * it would be worse than an odd-looking log line.
 *
 * @example
 * redactSecretValues('{"token":"s3cr3t"}', ["s3cr3t"]); // '{"token":"[redacted]"}'
 */
export function redactSecretValues(text: string, secrets: readonly string[]): string {
  const literals = secrets.filter((secret) => secret.length > 0);
  if (literals.length === 0) return text;

  // One pass with the longest secrets first: a secret containing another is replaced whole,
  // and a secret that happens to occur inside REDACTED cannot mangle an earlier replacement.
  const alternatives = literals.sort((a, b) => b.length - a.length).map(escapeRegExp);
  return text.replace(new RegExp(alternatives.join("|"), "g"), REDACTED);
}

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** Whether the built-in rules treat a header of this name (any letter case) as a credential. */
export function isCredentialHeader(name: string): boolean {
  const lowerCased = name.toLowerCase();
  return (
    CREDENTIAL_HEADERS.has(lowerCased) ||
    CREDENTIAL_NAME_FRAGMENTS.some((fragment) => lowerCased.includes(fragment))
  );
}
