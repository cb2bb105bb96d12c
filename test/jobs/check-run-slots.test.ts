import { describe, expect, it } from "vitest";
import { memoryCheckRunSlots } from "../../src/jobs/check-run-slots.js";
import { slowCheckRunCreator } from "./slow-check-run-creator.js";

describe("check run slots in one process", () => {
  it("create a job's check run once however many ask at the same time", async () => {
    const slots = memoryCheckRunSlots();
    const github = slowCheckRunCreator();
    const ids = await Promise.all([1, 2, 3].map(() => slots.ensure("d1:aaa", github.create)));
    expect(ids).toEqual([1001, 1001, 1001]);
    expect(github.made).toBe(1);
  });

  it("try again after a creation that failed", async () => {
    const slots = memoryCheckRunSlots();
    await expect(slots.ensure("d1:aaa", () => Promise.reject(new Error("500")))).rejects.toThrow();
    expect(await slots.ensure("d1:aaa", async () => 7)).toBe(7);
  });
});
