import { isSingleName, parseJsonPath, type JsonPath } from "./json-path";
import { redactFormBody, redactJsonBody } from "./redact-body";

/**
 * What the delivery log redacts beyond the built-in rules, and how much of each body it keeps:
 * the installation's redaction settings, parsed once for every exchange stored under them.
 */
export type RedactionRules = {
  /** Extra header names to redact, lower case. */
  headerNames: ReadonlySet<string>;
  jsonPaths: readonly JsonPath[];
  /** The paths that are one plain name, which also redact form fields of that name. */
  formFieldNames: ReadonlySet<string>;
  maxStoredBodyBytes: number;
};

/** The settings an admin stores, as text. */
export type RedactionSettings = {
  headerNames: readonly string[];
  jsonPaths: readonly string[];
  maxStoredBodyBytes: number;
};

/**
 * Parses stored settings into rules. A path that does not parse is skipped: the API refuses
 * such paths, so one can only come from a row written by hand.
 */
export function redactionRulesOf(settings: RedactionSettings): RedactionRules {
  const jsonPaths = settings.jsonPaths.flatMap((text) => {
    const parsed = parseJsonPath(text);
    return parsed.ok ? [parsed.path] : [];
  });
  return {
    headerNames: new Set(settings.headerNames.map((name) => name.toLowerCase())),
    jsonPaths,
    formFieldNames: new Set(jsonPaths.filter(isSingleName).map((path) => path.segments[0].name)),
    maxStoredBodyBytes: settings.maxStoredBodyBytes,
  };
}

/** Only the built-in rules, with the given cap; for tools and tests without settings. */
export function builtInRedactionRules(maxStoredBodyBytes: number): RedactionRules {
  return redactionRulesOf({ headerNames: [], jsonPaths: [], maxStoredBodyBytes });
}

/** Whether the rules change bodies at all; without paths, bodies are never parsed. */
export function redactsBodies(rules: RedactionRules): boolean {
  return rules.jsonPaths.length > 0;
}

/**
 * Applies the body rules to a whole body's text: JSON paths when it is JSON, form field names
 * when `contentType` says it is form-encoded. Anything else comes back unchanged.
 */
export function redactBodyText(
  text: string,
  contentType: string | undefined,
  rules: RedactionRules,
): string {
  if (!redactsBodies(rules)) return text;
  if (isFormEncoded(contentType)) return redactFormBody(text, rules.formFieldNames);
  return redactJsonBody(text, rules.jsonPaths);
}

function isFormEncoded(contentType: string | undefined): boolean {
  return (contentType ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
}
