/**
 * A left-to-right layered layout, written here rather than taken from a layout library: the
 * graphs are small, acyclic and read from a trigger onwards, so longest-path layers and one
 * ordering pass by the predecessors' rows give a tidy picture in a few dozen lines, where a
 * general engine would add a dependency and options nobody here needs.
 */

export type LayoutNode = { id: string; position: { x: number; y: number }; isTrigger: boolean };
export type LayoutEdge = { source: string; target: string };

/** The space each node takes and the gaps between layers (columns) and rows. */
export type LayoutSpacing = {
  nodeWidth: number;
  nodeHeight: number;
  columnGap: number;
  rowGap: number;
};

/**
 * New positions for every node: each node one column right of its furthest predecessor, so
 * triggers and other nodes without inputs sit in the first column and every edge points right.
 * Within a column, nodes follow the average row of their predecessors, then their old height, and
 * each column is centred on the same line. Nodes on a loop, which a saved draft may hold, go one
 * column after the predecessors already placed.
 *
 * @example layOutLayers(nodes, edges, spacing).get("http1") // { x: 320, y: 0 }
 */
export function layOutLayers(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  spacing: LayoutSpacing,
): Map<string, { x: number; y: number }> {
  const columns = groupIntoColumns(assignColumns(nodes, edges), nodes);
  const predecessors = predecessorsOf(nodes, edges);
  const rowOf = new Map<string, number>();
  const positions = new Map<string, { x: number; y: number }>();

  columns.forEach((column, columnIndex) => {
    const ordered = orderColumn(column, predecessors, rowOf);
    ordered.forEach((node, row) => {
      rowOf.set(node.id, row);
      positions.set(node.id, {
        x: columnIndex * (spacing.nodeWidth + spacing.columnGap),
        y: (row - (ordered.length - 1) / 2) * (spacing.nodeHeight + spacing.rowGap),
      });
    });
  });
  return positions;
}

/** Longest-path column of each node, by Kahn's topological order. */
function assignColumns(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
): Map<string, number> {
  const ids = new Set(nodes.map((node) => node.id));
  const inside = edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target));
  const waitingInputs = new Map(nodes.map((node) => [node.id, 0]));
  for (const edge of inside)
    waitingInputs.set(edge.target, (waitingInputs.get(edge.target) ?? 0) + 1);

  const column = new Map<string, number>();
  const ready = nodes.filter((node) => waitingInputs.get(node.id) === 0).map((node) => node.id);
  for (const id of ready) column.set(id, 0);
  for (let id = ready.shift(); id !== undefined; id = ready.shift()) {
    for (const edge of inside.filter((candidate) => candidate.source === id)) {
      column.set(edge.target, Math.max(column.get(edge.target) ?? 0, (column.get(id) ?? 0) + 1));
      const waiting = (waitingInputs.get(edge.target) ?? 0) - 1;
      waitingInputs.set(edge.target, waiting);
      if (waiting === 0) ready.push(edge.target);
    }
  }

  for (const node of nodes) {
    if (waitingInputs.get(node.id) === 0) continue;
    const placedInputs = inside
      .filter((edge) => edge.target === node.id && waitingInputs.get(edge.source) === 0)
      .map((edge) => (column.get(edge.source) ?? 0) + 1);
    column.set(node.id, Math.max(column.get(node.id) ?? 0, ...placedInputs));
    waitingInputs.set(node.id, 0);
  }
  return column;
}

function groupIntoColumns(
  column: ReadonlyMap<string, number>,
  nodes: readonly LayoutNode[],
): LayoutNode[][] {
  const columns: LayoutNode[][] = [];
  for (const node of nodes) {
    const index = column.get(node.id) ?? 0;
    while (columns.length <= index) columns.push([]);
    columns[index]?.push(node);
  }
  return columns.filter((nodesInColumn) => nodesInColumn.length > 0);
}

function predecessorsOf(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
): Map<string, string[]> {
  const predecessors = new Map<string, string[]>(nodes.map((node) => [node.id, []]));
  for (const edge of edges) predecessors.get(edge.target)?.push(edge.source);
  return predecessors;
}

/** Triggers first, then by the mean row of predecessors already placed, then by old height. */
function orderColumn(
  column: readonly LayoutNode[],
  predecessors: ReadonlyMap<string, readonly string[]>,
  rowOf: ReadonlyMap<string, number>,
): LayoutNode[] {
  const meanRow = (node: LayoutNode): number => {
    const rows = (predecessors.get(node.id) ?? []).flatMap((id) => {
      const row = rowOf.get(id);
      return row === undefined ? [] : [row];
    });
    return rows.length === 0 ? 0 : rows.reduce((sum, row) => sum + row, 0) / rows.length;
  };
  return [...column].sort(
    (a, b) =>
      Number(b.isTrigger) - Number(a.isTrigger) ||
      meanRow(a) - meanRow(b) ||
      a.position.y - b.position.y,
  );
}
