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
});
