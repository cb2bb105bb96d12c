import { describe, expect, it } from "vitest";
import type { ExtractionWarning } from "../../src/graph/graph.js";
import { renderJson } from "../../src/report/render-json.js";
import { renderMarkdown } from "../../src/report/render-markdown.js";
import { renderText } from "../../src/report/render-text.js";
import { aReport } from "./factories.js";

const missing = "imports of files that are not in the commit";
const warnings: ExtractionWarning[] = [
  { file: "tsconfig.json", line: 3, message: "tsconfig problem: unknown option" },
  ...Array.from({ length: 300 }, (_, index) => ({
    file: `src/c${index}.ts`,
    line: index + 1,
    message: `cannot resolve "./gone${index}"`,
    cause: missing,
  })),
  {
    file: "src/x.ts",
    line: 9,
    message: 'cannot resolve "../../up"',
    cause: "imports that climb out of the repository",
  },
];

describe("warnings that share a cause", () => {
  it("are one line with a count in text, pointing at the JSON for the list", () => {
    const text = renderText(aReport({ warnings }), { color: false });
    const section = text.slice(text.indexOf("Could not read everything"));
    expect(section.split("\n").filter((line) => line.includes("⚠"))).toEqual([
      "  ⚠ tsconfig.json:3  tsconfig problem: unknown option",
      `  ⚠ src/c0.ts:1  cannot resolve "./gone0" (and 299 more ${missing}; all in --format json)`,
      '  ⚠ src/x.ts:9  cannot resolve "../../up"',
    ]);
    expect(section).toContain("Could not read everything (302)");
  });

  it("are one line with a count in the check run", () => {
    const markdown = renderMarkdown(aReport({ warnings }));
    const lines = markdown.split("\n").filter((line) => line.includes("cannot resolve"));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(`(and 299 more ${missing})`);
  });

  it("are each listed in JSON, with their cause", () => {
    const json = JSON.parse(renderJson(aReport({ warnings }))) as { warnings: unknown[] };
    expect(json.warnings).toHaveLength(302);
    expect(json.warnings[1]).toEqual({
      file: "src/c0.ts",
      line: 1,
      message: 'cannot resolve "./gone0"',
      cause: missing,
    });
    expect(json.warnings[0]).toEqual({
      file: "tsconfig.json",
      line: 3,
      message: "tsconfig problem: unknown option",
    });
  });
});
