/**
 * Undo and redo over snapshots of the working graph, as plain values. Each entry is the state
 * before one change; changes that share a group (the frames of one drag, the keystrokes typed
 * into one field) make a single entry, the first one's state.
 */
export type History<Snapshot> = {
  past: readonly Snapshot[];
  future: readonly Snapshot[];
  /** The group the newest entry belongs to; a change in the same group adds no entry. */
  openGroup: string | null;
};

/** Enough for an editing session; the oldest entries go first. */
export const maxHistoryEntries = 100;

export function emptyHistory<Snapshot>(): History<Snapshot> {
  return { past: [], future: [], openGroup: null };
}

/**
 * The history after a change made to `before`. With a `group` equal to the open one the change
 * joins the newest entry; otherwise it starts an entry. Either way nothing is left to redo.
 */
export function recordChange<Snapshot>(
  history: History<Snapshot>,
  before: Snapshot,
  group: string | null = null,
): History<Snapshot> {
  if (group !== null && group === history.openGroup) {
    return { ...history, future: [] };
  }
  const past = [...history.past, before].slice(-maxHistoryEntries);
  return { past, future: [], openGroup: group };
}

/** Ends the open group, so the next change starts an entry even when it names the same group. */
export function closeGroup<Snapshot>(history: History<Snapshot>): History<Snapshot> {
  return history.openGroup === null ? history : { ...history, openGroup: null };
}

export type HistoryStep<Snapshot> = { history: History<Snapshot>; snapshot: Snapshot };

/** Steps back from `current`: the snapshot to show and the history after; null when at start. */
export function undo<Snapshot>(
  history: History<Snapshot>,
  current: Snapshot,
): HistoryStep<Snapshot> | null {
  const snapshot = history.past.at(-1);
  if (snapshot === undefined) return null;
  return {
    snapshot,
    history: {
      past: history.past.slice(0, -1),
      future: [current, ...history.future],
      openGroup: null,
    },
  };
}

/** Steps forward again after `undo`; null when nothing was undone since the last change. */
export function redo<Snapshot>(
  history: History<Snapshot>,
  current: Snapshot,
): HistoryStep<Snapshot> | null {
  const [snapshot, ...future] = history.future;
  if (snapshot === undefined) return null;
  return {
    snapshot,
    history: {
      past: [...history.past, current].slice(-maxHistoryEntries),
      future,
      openGroup: null,
    },
  };
}
