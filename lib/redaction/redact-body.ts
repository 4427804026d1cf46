import { REDACTED } from "../secrets/redact";
import type { JsonPath, PathSegment } from "./json-path";

/**
 * Nodes deeper than this are not looked into. JSON.parse builds any depth, but the walk is
 * recursive; a value nested deeper than this under a matching key is stored as it came.
 */
const MAX_WALK_DEPTH = 256;

/**
 * Replaces the value at every match of `paths` with {@link REDACTED} in a body that parses as
 * JSON, and returns the body serialized again (compact, so its original spacing is lost). A
 * body that is not JSON, or in which nothing matched, comes back as it was, unparsed when it
 * does not even start like a JSON object or array.
 *
 * @example
 * redactJsonBody('{"card":{"number":"4242"}}', [parsed("card.number")]);
 * // '{"card":{"number":"[redacted]"}}'
 */
export function redactJsonBody(text: string, paths: readonly JsonPath[]): string {
  if (paths.length === 0 || !looksLikeJson(text)) return text;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }

  let replaced = 0;
  for (const path of paths) replaced += redactMatches(value, path.segments, 0, 0);
  return replaced === 0 ? text : JSON.stringify(value);
}

/**
 * Replaces the values of the named fields in a form-encoded body (`a=1&b=2`). A body without
 * any of them comes back as it was; otherwise it is encoded again, spaces as `+`.
 *
 * @example
 * redactFormBody("card=4242&name=Ann", new Set(["card"])); // "card=%5Bredacted%5D&name=Ann"
 */
export function redactFormBody(text: string, fieldNames: ReadonlySet<string>): string {
  if (fieldNames.size === 0) return text;
  const fields = new URLSearchParams(text);
  const names = [...new Set(fields.keys())].filter((name) => fieldNames.has(name));
  if (names.length === 0) return text;
  for (const name of names) {
    const count = fields.getAll(name).length;
    fields.delete(name);
    for (let index = 0; index < count; index += 1) fields.append(name, REDACTED);
  }
  return fields.toString();
}

function looksLikeJson(text: string): boolean {
  const first = text.trimStart()[0];
  return first === "{" || first === "[";
}

/** Redacts what `segments[index..]` matches below `node`; returns how many values it replaced. */
function redactMatches(
  node: unknown,
  segments: readonly PathSegment[],
  index: number,
  depth: number,
): number {
  const segment = segments[index];
  if (segment === undefined || depth > MAX_WALK_DEPTH || !isContainer(node)) return 0;

  if (segment.kind === "anyDepth") {
    // Zero levels here, or one more level down with `**` still to match.
    let replaced = redactMatches(node, segments, index + 1, depth);
    for (const child of childrenOf(node)) {
      replaced += redactMatches(child, segments, index, depth + 1);
    }
    return replaced;
  }

  const isLast = index === segments.length - 1;
  let replaced = 0;
  for (const key of matchingKeys(node, segment)) {
    if (isLast) {
      replaceValue(node, key);
      replaced += 1;
    } else {
      replaced += redactMatches(valueAt(node, key), segments, index + 1, depth + 1);
    }
  }
  return replaced;
}

type Container = Record<string, unknown> | unknown[];

function isContainer(node: unknown): node is Container {
  return typeof node === "object" && node !== null;
}

function childrenOf(node: Container): unknown[] {
  return Array.isArray(node) ? node : Object.values(node);
}

function matchingKeys(node: Container, segment: Exclude<PathSegment, { kind: "anyDepth" }>) {
  if (Array.isArray(node)) {
    return segment.kind === "key" ? [] : node.map((_, index) => index);
  }
  if (segment.kind === "anyElement") return [];
  if (segment.kind === "anyKey") return Object.keys(node);
  return Object.hasOwn(node, segment.name) ? [segment.name] : [];
}

function valueAt(node: Container, key: string | number): unknown {
  return Array.isArray(node) ? node[Number(key)] : node[key];
}

function replaceValue(node: Container, key: string | number): void {
  if (Array.isArray(node)) {
    node[Number(key)] = REDACTED;
    return;
  }
  // Defined, not assigned: a key named `__proto__` from JSON.parse is an own property, and
  // assigning to it would change the object's prototype instead of the value.
  Object.defineProperty(node, key, {
    value: REDACTED,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}
