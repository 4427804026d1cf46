import { describe, expect, it } from "vitest";
import {
  closeGroup,
  emptyHistory,
  maxHistoryEntries,
  recordChange,
  redo,
  undo,
  type History,
} from "../../components/editor/editor-history";

describe("editor history", () => {
  it("undoes changes newest first and redoes them in order", () => {
    let history = recordChange(emptyHistory<string>(), "a");
    history = recordChange(history, "b");

    const first = undo(history, "c");
    expect(first?.snapshot).toBe("b");
    const second = undo(first?.history ?? history, "b");
    expect(second?.snapshot).toBe("a");
    expect(undo(second?.history ?? history, "a")).toBeNull();

    const again = redo(second?.history ?? history, "a");
    expect(again?.snapshot).toBe("b");
    expect(redo(again?.history ?? history, "b")?.snapshot).toBe("c");
  });

  it("makes one entry of changes in the same group, keeping the state before the first", () => {
    let history = recordChange(emptyHistory<string>(), "before drag", "drag");
    history = recordChange(history, "frame 1", "drag");
    history = recordChange(history, "frame 2", "drag");

    expect(history.past).toEqual(["before drag"]);
    expect(undo(history, "after drag")?.snapshot).toBe("before drag");
  });

  it("starts a new entry after a group is closed, even for the same group", () => {
    let history = recordChange(emptyHistory<string>(), "typed once", "config:http1:url");
    history = closeGroup(history);
    history = recordChange(history, "typed twice", "config:http1:url");
    expect(history.past).toEqual(["typed once", "typed twice"]);
  });

  it("forgets what could be redone once a new change is made", () => {
    const history = recordChange(emptyHistory<string>(), "a");
    const undone = undo(history, "b");
    const changed = recordChange(undone?.history ?? history, "a");
    expect(redo(changed, "d")).toBeNull();
  });

  it("keeps only the newest entries", () => {
    let history: History<number> = emptyHistory();
    for (let change = 0; change < maxHistoryEntries + 20; change += 1) {
      history = recordChange(history, change);
    }
    expect(history.past).toHaveLength(maxHistoryEntries);
    expect(history.past[0]).toBe(20);
  });

  it("does not join an undone change with the next one of its group", () => {
    const typed = recordChange(emptyHistory<string>(), "empty", "config:http1:url");
    const undone = undo(typed, "typed");
    const retyped = recordChange(undone?.history ?? typed, "empty", "config:http1:url");
    expect(retyped.past).toEqual(["empty"]);
    expect(retyped.future).toEqual([]);
  });
});
