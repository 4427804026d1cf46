import type { SamplePath } from "./list-sample-paths";

/** A `{{` that the caret is inside of, not yet closed before the caret. */
export type OpenTemplate = {
  /** Index just after the `{{`. */
  start: number;
  /** Index where the path typed so far ends: the caret, or past a path the caret is inside. */
  end: number;
  /** Whitespace written after `{{`; the closing braces get the same on their side. */
  padding: string;
  /** The path typed so far, up to the caret. */
  query: string;
};

/** The text after accepting a completion, and where the caret goes. */
export type AcceptedCompletion = { text: string; caret: number };

/** Most suggestions shown at once; typing more narrows the list. */
export const maxCompletions = 50;

/** Characters a path can hold, quoted keys included. */
const pathChar = /[\w$.\-[\]"']/;

/**
 * Finds the template the caret is in while a path is being typed: there is a `{{` before the
 * caret with no `}}` between them, and nothing but a path after optional spaces.
 *
 * @example
 * findOpenTemplate("Order {{ trigger.bo", 19);
 * // { start: 8, end: 19, padding: " ", query: "trigger.bo" }
 */
export function findOpenTemplate(text: string, caret: number): OpenTemplate | null {
  const before = text.slice(0, caret);
  const open = before.lastIndexOf("{{");
  if (open === -1 || before.includes("}}", open + 2)) return null;

  const start = open + 2;
  const typed = before.slice(start);
  const padding = /^\s*/.exec(typed)?.[0] ?? "";
  const query = typed.slice(padding.length);
  if (![...query].every((char) => pathChar.test(char))) return null;

  let end = caret;
  while (end < text.length && pathChar.test(text.charAt(end))) end += 1;
  return { start, end, padding, query };
}

/**
 * The sample paths that suit what was typed, best first: paths that start with it (exact case
 * before any case), then paths that contain it, each group in the samples' own order. An
 * empty query matches everything.
 *
 * @example
 * matchTemplatePaths(paths, "trigger.body.o"); // trigger.body.order, trigger.body.order.id, …
 */
export function matchTemplatePaths(
  paths: readonly SamplePath[],
  query: string,
  limit: number = maxCompletions,
): SamplePath[] {
  const lowerQuery = query.toLowerCase();
  const ranked: { path: SamplePath; rank: number; index: number }[] = [];
  paths.forEach((path, index) => {
    const rank = rankPath(path.path, query, lowerQuery);
    if (rank !== undefined) ranked.push({ path, rank, index });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return ranked.slice(0, limit).map((entry) => entry.path);
}

/**
 * Writes the accepted path in place of what was typed and closes the braces, keeping closing
 * braces that were already there rather than doubling them. The caret ends after `}}`.
 *
 * @example
 * acceptTemplatePath("{{ trigger.bo", findOpenTemplate("{{ trigger.bo", 13)!, "trigger.body");
 * // { text: "{{ trigger.body }}", caret: 18 }
 */
export function acceptTemplatePath(
  text: string,
  open: OpenTemplate,
  path: string,
): AcceptedCompletion {
  const after = text.slice(open.end);
  const existingClose = /^\s*}}/.exec(after)?.[0] ?? "";
  const head = `${text.slice(0, open.start)}${open.padding}${path}${open.padding}}}`;
  return { text: `${head}${after.slice(existingClose.length)}`, caret: head.length };
}

function rankPath(path: string, query: string, lowerQuery: string): number | undefined {
  if (path.startsWith(query)) return 0;
  const lowerPath = path.toLowerCase();
  if (lowerPath.startsWith(lowerQuery)) return 1;
  if (lowerPath.includes(lowerQuery)) return 2;
  return undefined;
}
