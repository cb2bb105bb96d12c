import { describe, expect, it } from "vitest";
import { parseSuppression } from "../../../src/languages/javascript/parse-suppression.js";
import { extractFixture } from "./fixture-project.js";

describe("parseSuppression", () => {
  it("reads a rule list followed by a reason", () => {
    expect(parseSuppression("// archdrift-ignore new-cycle,layer-violation moving to v2")).toEqual({
      valid: true,
      rules: ["new-cycle", "layer-violation"],
      reason: "moving to v2",
    });
  });

  it("reads text that does not start with a rule list as a reason for every rule", () => {
    expect(parseSuppression('import x from "y"; // archdrift-ignore Agreed in ADR-12')).toEqual({
      valid: true,
      rules: ["*"],
      reason: "Agreed in ADR-12",
    });
    expect(parseSuppression("// archdrift-ignore * legacy code")).toEqual({
      valid: true,
      rules: ["*"],
      reason: "legacy code",
    });
  });

  it("refuses a suppression without a reason", () => {
    expect(parseSuppression("// archdrift-ignore")).toMatchObject({ valid: false });
    expect(parseSuppression("// archdrift-ignore new-cycle")).toMatchObject({ valid: false });
  });

  it("ignores lines without the marker", () => {
    expect(parseSuppression("// archdrift-ignored by nobody")).toBeUndefined();
    expect(parseSuppression('import x from "archdrift-ignore";')).toBeUndefined();
  });
});

describe("suppressions on edges", () => {
  it("attaches a suppression on the import's line or the comment line above", () => {
    const files = {
      "src/a.ts": [
        "// archdrift-ignore new-cycle the cycle is broken in #42",
        'import { b } from "./b";',
        'import { c } from "./c"; // archdrift-ignore Agreed with the payments team',
        'import { d } from "./d";',
        "// archdrift-ignore layer-violation",
        'import { e } from "./e";',
      ].join("\n"),
      "src/b.ts": "export const b = 1;",
      "src/c.ts": "export const c = 1;",
      "src/d.ts": "export const d = 1;",
      "src/e.ts": "export const e = 1;",
    };
    const graph = extractFixture(files);
    const byTarget = Object.fromEntries(graph.edges.map((edge) => [edge.to, edge.suppression]));
    expect(byTarget).toEqual({
      "src/b.ts": { rules: ["new-cycle"], reason: "the cycle is broken in #42", line: 1 },
      "src/c.ts": { rules: ["*"], reason: "Agreed with the payments team", line: 3 },
      "src/d.ts": undefined,
      "src/e.ts": undefined,
    });
    expect(graph.warnings).toEqual([
      { file: "src/a.ts", line: 5, message: expect.stringMatching(/without a reason/) },
    ]);
  });
});
