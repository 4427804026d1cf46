import type { Successors } from "./graph-traversal";

type Visit = { id: string; index: number; lowLink: number; isOnStack: boolean };
type Frame = { visit: Visit; successors: readonly string[]; cursor: number };

/**
 * The groups of nodes that lie on cycles: strongly connected components with more than one
 * node, or one node with an edge to itself. Each group lists its ids in `nodeIds` order, and
 * groups come in the order of their first node.
 *
 * Tarjan's algorithm with an explicit stack, so a long chain of nodes cannot overflow the call
 * stack. Linear in nodes plus edges.
 */
export function findCycles(nodeIds: readonly string[], successors: Successors): string[][] {
  const order = new Map(nodeIds.map((id, index) => [id, index]));
  const byOrder = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);

  return findStrongComponents(nodeIds, successors)
    .filter(([first, ...rest]) => rest.length > 0 || hasSelfLoop(first, successors))
    .map((component) => component.sort(byOrder))
    .sort((a, b) => byOrder(a[0] ?? "", b[0] ?? ""));
}

function findStrongComponents(nodeIds: readonly string[], successors: Successors): string[][] {
  const visits = new Map<string, Visit>();
  const stack: Visit[] = [];
  const components: string[][] = [];

  const enter = (id: string): Frame => {
    const visit = { id, index: visits.size, lowLink: visits.size, isOnStack: true };
    visits.set(id, visit);
    stack.push(visit);
    return { visit, successors: successors.get(id) ?? [], cursor: 0 };
  };

  for (const rootId of nodeIds) {
    if (visits.has(rootId)) continue;
    const frames = [enter(rootId)];
    for (let frame = frames.at(-1); frame !== undefined; frame = frames.at(-1)) {
      const nextId = frame.successors[frame.cursor];
      if (nextId !== undefined) {
        frame.cursor += 1;
        const next = visits.get(nextId);
        if (next === undefined) frames.push(enter(nextId));
        else if (next.isOnStack) frame.visit.lowLink = Math.min(frame.visit.lowLink, next.index);
        continue;
      }

      frames.pop();
      const parent = frames.at(-1);
      if (parent) parent.visit.lowLink = Math.min(parent.visit.lowLink, frame.visit.lowLink);
      if (frame.visit.lowLink === frame.visit.index)
        components.push(popComponent(stack, frame.visit));
    }
  }
  return components;
}

function popComponent(stack: Visit[], root: Visit): string[] {
  const component: string[] = [];
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    visit.isOnStack = false;
    component.push(visit.id);
    if (visit === root) break;
  }
  return component;
}

function hasSelfLoop(id: string | undefined, successors: Successors): boolean {
  return id !== undefined && (successors.get(id) ?? []).includes(id);
}
