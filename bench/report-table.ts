/** One line of the report's table; empty cells are empty strings. */
export type ReportRow = {
  scenario: string;
  figure: string;
  measured: string;
  baseline: string;
  ratio: string;
  target: string;
};

const columns = ["scenario", "figure", "measured", "baseline", "ratio", "target"] as const;
/** Columns of text are aligned left, columns of figures right. */
const leftAligned = new Set<(typeof columns)[number]>(["scenario", "figure", "target"]);

const header: ReportRow = {
  scenario: "scenario",
  figure: "figure",
  measured: "measured",
  baseline: "baseline",
  ratio: "ratio",
  target: "target",
};

/** The rows under a header and a rule, each column as wide as its widest cell. */
export function formatTable(rows: readonly ReportRow[]): string[] {
  const all = [header, ...rows];
  const widths = columns.map((column) => Math.max(...all.map((row) => row[column].length)));
  const line = (row: ReportRow) =>
    columns
      .map((column, index) => {
        const width = widths[index] ?? 0;
        return leftAligned.has(column) ? row[column].padEnd(width) : row[column].padStart(width);
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [line(header), rule, ...rows.map(line)];
}

/** A row saying a scenario did not run; the context below the table says why. */
export function skippedRow(scenario: string, figure: string): ReportRow {
  return { scenario, figure, measured: "skipped", baseline: "", ratio: "", target: "" };
}

/** A figure with `digits` decimals, or "n/a" when there is none. */
export function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "n/a";
}

/** A share (0..1) as a percentage with one decimal. */
export function percent(share: number): string {
  return `${fixed(share * 100, 1)}%`;
}
