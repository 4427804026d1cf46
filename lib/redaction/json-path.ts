/**
 * One step of a body path: a key by name, any one key or element (`*`), any array element
 * (`[*]`), or any number of levels, none included (`**`).
 */
export type PathSegment =
  | { kind: "key"; name: string }
  | { kind: "anyKey" }
  | { kind: "anyElement" }
  | { kind: "anyDepth" };

/** A parsed path, with the text it came from for messages. */
export type JsonPath = { text: string; segments: readonly PathSegment[] };

export type ParsedPath = { ok: true; path: JsonPath } | { ok: false; message: string };

/** Longer paths are refused: nobody writes one, and the walk stays cheap. */
export const MAX_PATH_LENGTH = 200;
const NAME = /^[^.[\]*\s]+$/;

/**
 * Parses a body path. The syntax is dot-separated names with three wildcards:
 *
 * - `card.number`: the key `number` inside the key `card` of the top-level object;
 * - `user.*.ssn`: `*` stands for any one key (or array element) at that level;
 * - `items[*].token`: `[*]` after a name stands for every element of the array there;
 * - `**.password`: `**` stands for any number of levels, so this is `password` at any depth.
 *
 * Names are matched exactly, letter case included, and cannot contain `.`, `[`, `]`, `*` or
 * spaces. A path cannot end with `**`, since that would match the whole body.
 *
 * @example
 * parseJsonPath("items[*].token").ok; // true
 * parseJsonPath("items..token"); // { ok: false, message: "... an empty name ..." }
 */
export function parseJsonPath(text: string): ParsedPath {
  if (text.length === 0) return { ok: false, message: "A path cannot be empty." };
  if (text.length > MAX_PATH_LENGTH) {
    return { ok: false, message: `A path has at most ${MAX_PATH_LENGTH} characters.` };
  }

  const segments: PathSegment[] = [];
  for (const part of text.split(".")) {
    const parsed = parsePart(part);
    if (parsed === null) return { ok: false, message: invalidPartMessage(part) };
    segments.push(...parsed);
  }
  if (segments.at(-1)?.kind === "anyDepth") {
    return { ok: false, message: "A path cannot end with **: it would match the whole body." };
  }
  return { ok: true, path: { text, segments } };
}

/** A dot-separated part: `**`, `*`, or a name with any number of `[*]` after it. */
function parsePart(part: string): PathSegment[] | null {
  if (part === "**") return [{ kind: "anyDepth" }];

  let rest = part;
  let elements = 0;
  while (rest.endsWith("[*]")) {
    rest = rest.slice(0, -3);
    elements += 1;
  }
  const head: PathSegment | null =
    rest === "*" ? { kind: "anyKey" } : NAME.test(rest) ? { kind: "key", name: rest } : null;
  if (head === null) return null;
  return [head, ...Array.from({ length: elements }, () => ({ kind: "anyElement" as const }))];
}

function invalidPartMessage(part: string): string {
  if (part === "")
    return "A path cannot have an empty name (two dots in a row, or a dot at an end).";
  return `"${part}" is not a name, *, ** or a name followed by [*].`;
}

/** Whether a path is one plain name, which also matches a form field of that name. */
export function isSingleName(path: JsonPath): path is JsonPath & {
  segments: readonly [{ kind: "key"; name: string }];
} {
  return path.segments.length === 1 && path.segments[0]?.kind === "key";
}
