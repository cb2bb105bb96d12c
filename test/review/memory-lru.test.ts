import { describe, expect, it } from "vitest";
import { MemoryLru } from "../../src/review/memory-lru.js";

describe("MemoryLru", () => {
  it("forgets the least recently used entry past its capacity", () => {
    const lru = new MemoryLru<number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1);
    lru.set("c", 3);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe(1);
    expect(lru.get("c")).toBe(3);
  });

  it("keeps nothing with a capacity of zero", () => {
    const lru = new MemoryLru<number>(0);
    lru.set("a", 1);
    expect(lru.get("a")).toBeUndefined();
  });

  it("weighs entries against its capacity and never keeps one heavier than all of it", () => {
    const lru = new MemoryLru<number[]>(5, (value) => value.length);
    lru.set("a", [1, 2]);
    lru.set("b", [1, 2, 3]);
    expect(lru.get("a")).toEqual([1, 2]);
    lru.set("c", [1]);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toEqual([1, 2]);
    lru.set("huge", [1, 2, 3, 4, 5, 6]);
    expect(lru.get("huge")).toBeUndefined();
    expect(lru.get("c")).toEqual([1]);
  });
});
