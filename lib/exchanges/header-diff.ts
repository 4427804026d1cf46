/** How one header differs between two messages. */
export type HeaderChange =
  | { kind: "same"; name: string; value: string }
  | { kind: "added"; name: string; value: string }
  | { kind: "removed"; name: string; value: string }
  | { kind: "changed"; name: string; before: string; after: string };

/**
 * Every header of either message, by name, ignoring the names' letter case as HTTP does,
 * sorted by name: kept, added, removed, or changed with both values.
 *
 * @example
 * diffHeaders({ Accept: "a" }, { accept: "b", "x-id": "1" });
 * // [{ kind: "changed", name: "accept", before: "a", after: "b" },
 * //  { kind: "added", name: "x-id", value: "1" }]
 */
export function diffHeaders(
  before: Record<string, string>,
  after: Record<string, string>,
): HeaderChange[] {
  const beforeByName = byLowerCaseName(before);
  const afterByName = byLowerCaseName(after);
  const names = [...new Set([...beforeByName.keys(), ...afterByName.keys()])].sort();

  return names.map((name): HeaderChange => {
    const was = beforeByName.get(name);
    const is = afterByName.get(name);
    if (was === undefined) return { kind: "added", name, value: is ?? "" };
    if (is === undefined) return { kind: "removed", name, value: was };
    if (was === is) return { kind: "same", name, value: is };
    return { kind: "changed", name, before: was, after: is };
  });
}

function byLowerCaseName(headers: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
