import { formatTemplatePath, quoteTemplate, type TemplatePart } from "./parse-template";
import type { TemplateContext } from "./templates";

export type ResolvedPath = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Looks up a parsed `{{ path }}` in the context, one own data property at a time. Inherited
 * members such as `toString` stay out of reach and getters never run, whatever the context
 * objects hold; the path parser has already refused `__proto__`, `constructor` and `prototype`.
 * A missing key is an error that says where the path stopped.
 *
 * @example
 * resolveTemplatePath(part, { trigger: {}, steps: {} });
 * // { ok: false, error: "{{steps.http9.response}}: there is no step http9 before this node" }
 */
export function resolveTemplatePath(
  part: Extract<TemplatePart, { kind: "path" }>,
  ctx: TemplateContext,
): ResolvedPath {
  const [root, ...keys] = part.path;
  let value: unknown = root === "steps" ? ctx.steps : ctx.trigger;

  for (const [index, key] of keys.entries()) {
    const found = readOwnData(value, key);
    if (!found.ok) {
      const problem = describeMissing(part.path.slice(0, index + 1), key, value);
      return { ok: false, error: `${quoteTemplate(part.source)}: ${problem}` };
    }
    value = found.value;
  }
  return { ok: true, value };
}

function readOwnData(
  container: unknown,
  key: string,
): { ok: true; value: unknown } | { ok: false } {
  if (typeof container !== "object" || container === null) return { ok: false };

  const descriptor = Object.getOwnPropertyDescriptor(container, key);
  if (descriptor === undefined || !("value" in descriptor)) return { ok: false };
  const value: unknown = descriptor.value;
  return { ok: true, value };
}

function describeMissing(parentPath: readonly string[], key: string, parent: unknown): string {
  const parentName = formatTemplatePath(parentPath);
  if (parentPath.length === 1 && parentPath[0] === "steps") {
    return `there is no step ${key} before this node`;
  }
  if (Array.isArray(parent) && /^\d+$/.test(key)) {
    return `${parentName} has no item [${key}] (it has ${parent.length})`;
  }
  if (typeof parent === "object" && parent !== null) return `${parentName} has no key '${key}'`;

  const kind = parent === null || parent === undefined ? String(parent) : `a ${typeof parent}`;
  return `${parentName} is ${kind}, so it has no key '${key}'`;
}
