/**
 * Limits of the template language. Template text comes from configs that anyone with edit rights
 * can write, so every limit bounds what one hostile text can cost in time and memory.
 */
export const templateLimits = {
  /** Longest text that may hold templates, in UTF-16 code units (64 KiB). */
  maxTextChars: 64 * 1024,
  /** Most `{{ }}` placeholders in one text (for JSON text: in the whole document). */
  maxTemplates: 200,
  /** Longest rendered result, in UTF-16 code units (4 MiB). */
  maxRenderedChars: 4 * 1024 * 1024,
  /** Deepest nesting of arrays and objects that JSON-aware rendering walks. */
  maxJsonDepth: 64,
} as const;

/** One piece of a parsed text: literal text, or a `{{ path }}` placeholder. */
export type TemplatePart =
  | { kind: "text"; text: string }
  | {
      kind: "path";
      /** Keys from the root: `trigger.body.items[0]` is ["trigger", "body", "items", "0"]. */
      path: readonly string[];
      /** The placeholder's inner text as written, trimmed, for error messages. */
      source: string;
    };

export type ParsedTemplate = { ok: true; parts: TemplatePart[] } | { ok: false; error: string };

type PathParse = { ok: true; path: string[] } | { ok: false; error: string };
type SegmentRead = { ok: true; key: string; end: number } | { ok: false; error: string };

const templateRoots: ReadonlySet<string> = new Set(["trigger", "steps"]);

/** Keys that lead to prototypes rather than data; refused even where they would be own keys. */
const forbiddenKeys: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Splits text into literal pieces and `{{ path }}` placeholders and checks every path.
 *
 * Runs in time linear in the text: each character is looked at a bounded number of times and no
 * regular expression can backtrack. There is no escape for a literal `{{`.
 *
 * @param templatesAllowed how many placeholders the caller's budget still allows; the error
 *   always names the overall limit, because that is the one a person can act on.
 * @example
 * parseTemplate("Order {{ trigger.body.id }}");
 * // { ok: true, parts: [{ kind: "text", text: "Order " }, { kind: "path", path: [...], ... }] }
 */
export function parseTemplate(
  text: string,
  templatesAllowed: number = templateLimits.maxTemplates,
): ParsedTemplate {
  if (text.length > templateLimits.maxTextChars) {
    return { ok: false, error: `Text with templates may be at most ${formatKib()} long` };
  }

  const parts: TemplatePart[] = [];
  let templateCount = 0;
  let cursor = 0;
  while (cursor < text.length) {
    const open = text.indexOf("{{", cursor);
    if (open === -1) break;

    const close = text.indexOf("}}", open + 2);
    if (close === -1) {
      return { ok: false, error: `Unterminated "{{" at character ${open + 1}: close it with "}}"` };
    }
    templateCount += 1;
    if (templateCount > templatesAllowed) {
      return { ok: false, error: `Text may hold at most ${templateLimits.maxTemplates} templates` };
    }

    const source = text.slice(open + 2, close).trim();
    const parsed = parseTemplatePath(source);
    if (!parsed.ok) return { ok: false, error: `${quoteTemplate(source)}: ${parsed.error}` };

    if (open > cursor) parts.push({ kind: "text", text: text.slice(cursor, open) });
    parts.push({ kind: "path", path: parsed.path, source });
    cursor = close + 2;
  }

  if (cursor < text.length) parts.push({ kind: "text", text: text.slice(cursor) });
  return { ok: true, parts };
}

/**
 * Writes a path the way a person would type it: dotted names, `[0]` for numeric keys and
 * `["..."]` for anything else.
 *
 * @example formatTemplatePath(["steps", "http1", "items", "0"]) // "steps.http1.items[0]"
 */
export function formatTemplatePath(path: readonly string[]): string {
  return path
    .map((key, index) => {
      if (isName(key)) return index === 0 ? key : `.${key}`;
      return /^\d+$/.test(key) ? `[${key}]` : `[${JSON.stringify(key)}]`;
    })
    .join("");
}

/** Shows a placeholder in an error message, shortened so a huge one cannot flood the message. */
export function quoteTemplate(source: string): string {
  return `{{${truncate(source)}}}`;
}

function parseTemplatePath(source: string): PathParse {
  if (source === "") return { ok: false, error: "write a path such as trigger.body" };

  const path: string[] = [];
  let cursor = 0;
  while (cursor < source.length) {
    const segment = cursor === 0 ? readName(source, 0) : readAccessor(source, cursor);
    if (!segment.ok) return segment;
    path.push(segment.key);
    cursor = segment.end;
  }

  const [root] = path;
  if (root === undefined || !templateRoots.has(root)) {
    return { ok: false, error: `a path starts with trigger or steps, not ${JSON.stringify(root)}` };
  }
  const forbidden = path.find((key) => forbiddenKeys.has(key));
  if (forbidden !== undefined) {
    return { ok: false, error: `${JSON.stringify(forbidden)} cannot be used in a path` };
  }
  return { ok: true, path };
}

function readAccessor(source: string, start: number): SegmentRead {
  const char = source[start];
  if (char === ".") return readName(source, start + 1);
  if (char === "[") return readBracket(source, start + 1);
  return {
    ok: false,
    error: `unexpected ${JSON.stringify(char)} ${describePosition(source, start)}`,
  };
}

function readName(source: string, start: number): SegmentRead {
  let end = start;
  while (end < source.length && isNameChar(source[end], end === start)) end += 1;

  if (end === start) {
    return { ok: false, error: `expected a name ${describePosition(source, start)}` };
  }
  return { ok: true, key: source.slice(start, end), end };
}

function readBracket(source: string, start: number): SegmentRead {
  const char = source[start];
  const inner =
    char === '"' || char === "'" ? readQuoted(source, start) : readDigits(source, start);
  if (!inner.ok) return inner;

  if (source[inner.end] !== "]") {
    return { ok: false, error: `expected "]" ${describePosition(source, inner.end)}` };
  }
  return { ok: true, key: inner.key, end: inner.end + 1 };
}

function readDigits(source: string, start: number): SegmentRead {
  let end = start;
  while (end < source.length && isDigit(source[end])) end += 1;

  if (end === start) {
    return {
      ok: false,
      error: `expected an index or a quoted key ${describePosition(source, start)}`,
    };
  }
  return { ok: true, key: source.slice(start, end), end };
}

/** Reads `"..."` or `'...'`; a backslash takes the next character literally. */
function readQuoted(source: string, start: number): SegmentRead {
  const quote = source[start];
  const chars: string[] = [];
  let cursor = start + 1;
  while (cursor < source.length) {
    const char = source[cursor];
    if (char === quote) return { ok: true, key: chars.join(""), end: cursor + 1 };

    const literal = char === "\\" ? source[cursor + 1] : char;
    if (literal !== undefined) chars.push(literal);
    cursor += char === "\\" ? 2 : 1;
  }
  return { ok: false, error: `unterminated quoted key ${describePosition(source, start)}` };
}

function isName(key: string): boolean {
  return [...key].every((char, index) => isNameChar(char, index === 0)) && key !== "";
}

/** Names may hold "-" after the first character, so header keys like content-type read as names. */
function isNameChar(char: string | undefined, isFirst: boolean): boolean {
  if (char === undefined) return false;
  const isLetter = (char >= "a" && char <= "z") || (char >= "A" && char <= "Z");
  if (isLetter || char === "_" || char === "$") return true;
  return !isFirst && (isDigit(char) || char === "-");
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= "0" && char <= "9";
}

function describePosition(source: string, index: number): string {
  return index === 0 ? "at the start" : `after ${JSON.stringify(truncate(source.slice(0, index)))}`;
}

function truncate(text: string): string {
  const maxChars = 60;
  return text.length <= maxChars ? text : `${text.slice(0, maxChars)}…`;
}

function formatKib(): string {
  return `${templateLimits.maxTextChars / 1024} KiB`;
}
