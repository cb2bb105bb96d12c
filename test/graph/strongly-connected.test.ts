import { describe, expect, it } from "vitest";
import { stronglyConnected } from "../../src/graph/strongly-connected.js";
import { shortestPath } from "../../src/graph/shortest-path.js";

const graph = (entries: Record<string, string[]>) => new Map(Object.entries(entries));

describe("stronglyConnected", () => {
  it("finds each cycle once, largest first, and leaves acyclic modules out", () => {
    const components = stronglyConnected(
      graph({ a: ["b"], b: ["c"], c: ["a", "d"], d: ["e"], e: ["d"], f: ["a"], g: ["g"] }),
    );
    expect(components).toEqual([["a", "b", "c"], ["d", "e"], ["g"]]);
  });

  it("handles an import chain far deeper than the call stack", () => {
    const size = 200_000;
    const entries: Record<string, string[]> = {};
    for (let i = 0; i < size; i++) entries[`m${i}`] = [`m${(i + 1) % size}`];
    const [only] = stronglyConnected(graph(entries));
    expect(only).toHaveLength(size);
  });
});

describe("shortestPath", () => {
  it("returns the shortest path, or undefined when there is none", () => {
    const g = graph({ a: ["b", "c"], b: ["d"], c: ["d"], d: [] });
    expect(shortestPath(g, "a", "d")).toEqual(["a", "b", "d"]);
    expect(shortestPath(g, "d", "a")).toBeUndefined();
  });
});
