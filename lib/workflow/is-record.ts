/**
 * Narrows an unknown value to a plain key-value object: not null, not an array. Used where data
 * from configs or earlier steps is read key by key.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
