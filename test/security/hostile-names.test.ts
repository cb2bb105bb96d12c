import { beforeAll, describe, expect, it } from "vitest";
import type { DriftReport } from "../../src/drift/drift-report.js";
import { renderAnnotations } from "../../src/report/render-annotations.js";
import type { Graph } from "../../src/graph/graph.js";
import {
  renderGraphDot,
  renderGraphJson,
  renderGraphMermaid,
} from "../../src/report/render-graph.js";
import { renderJson } from "../../src/report/render-json.js";
import { renderMarkdown } from "../../src/report/render-markdown.js";
import { renderReviewComment } from "../../src/report/render-review-comment.js";
import { renderSarif } from "../../src/report/render-sarif.js";
import { renderText } from "../../src/report/render-text.js";
import { graphAt } from "../../src/review/graph-at.js";
import { reviewChanges } from "../../src/review/review-changes.js";
import { checkoutBranch, commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { githubProse, mermaidBlocks, mermaidDirectives } from "../support/github-prose.js";
import { useTempDirs } from "../workspace/temp-dir.js";

const tempDir = useTempDirs();

/**
 * File, folder and domain names a pull request chooses: a workspace-style package name that is a
 * GitHub team (`@acme/ui`), an issue number, a Mermaid directive, a right-to-left override that
 * makes `gpj.ts` read as `st.jpg`, a terminal escape, a URL and a markdown link.
 */
const ui = "src/@acme/ui/index.ts";
const issue = "src/#12/orders.ts";
const directive = "src/%%{init: {'theme':'forest'}}%%/view.ts";
const bidi = "src/report\u202Egpj.ts";
const escape = "src/\u001b[31mred\u001b[0m.ts";
const link = "src/[click](https:/evil.example)/www.evil.example.ts";

const base = {
  ".github/archdrift.yml": [
    "domains:",
    '  "@acme/ui": { path: "src/@acme" }',
    '  "#12": { path: "src/#12" }',
    "  \"@org/everyone\": { path: \"src/%%{init: {'theme':'forest'}}%%\" }",
    "",
  ].join("\n"),
  [ui]: "export const ui = 1;\n",
  [issue]: "export const orders = 1;\n",
  [directive]: "export const view = 1;\n",
  [bidi]: "export const report = 1;\n",
  [escape]: "export const red = 1;\n",
  [link]: "export const link = 1;\n",
};

/**
 * One loop through every hostile name, a coupling between two hostile domains, and an accepted
 * coupling whose reason pings people.
 */
const head = {
  [ui]:
    `// archdrift-ignore new-domain-coupling cc @acme/security-team, see #1 and https://evil.example\n` +
    `import { orders } from "../../#12/orders";\nexport const ui = orders;\n`,
  [issue]: `import { view } from "../%%{init: {'theme':'forest'}}%%/view";\nexport const orders = view;\n`,
  [directive]: `import { report } from "../report\u202Egpj";\nexport const view = report;\n`,
  [bidi]: `import { red } from "./\u001b[31mred\u001b[0m";\nexport const report = red;\n`,
  [escape]: `import { link } from "./[click](https:/evil.example)/www.evil.example";\nexport const red = link;\n`,
  [link]: `import { ui } from "../../@acme/ui/index";\nexport const link = ui;\n`,
};

/** The names as a reader must never see them raw. */
const rawHidden = ["\u202E", "\u001b"];

let report: DriftReport;
let graph: Graph;

beforeAll(async () => {
  const dir = await tempDir();
  await initRepo(dir);
  await commitFiles(dir, base, "base");
  await checkoutBranch(dir, "pr", true);
  await commitFiles(dir, head, "a loop through every name");
  report = await reviewChanges({ repoDir: dir, base: "main", head: "pr" });
  graph = (await graphAt(dir, "pr")).graph;
});

function expectInert(markdown: string): void {
  const prose = githubProse(markdown);
  expect(prose.mentions).toEqual([]);
  expect(prose.references).toEqual([]);
  expect(prose.links).toEqual([]);
  expect(prose.hiddenCharacters).toEqual([]);
}

/**
 * Shown failing before the fix: `@acme/ui`, `#12` and the suppression's `@acme/security-team`
 * reached the summary's prose (GitHub would notify the team and link the issue), the review
 * comment rendered the markdown link and the www autolink, `%%{init…}%%` reached the diagram raw,
 * and U+202E passed through every surface.
 */
describe("names a pull request chooses, on every surface", () => {
  it("the review finds the loop, so the names really reach the reports", () => {
    const shown = report.findings.filter((finding) => !finding.suppressed);
    expect(shown.map((finding) => finding.rule).sort()).toEqual([
      "new-cycle",
      "new-domain-coupling",
      "package-cycle",
    ]);
    expect(shown.map((finding) => finding.message).join("\n")).toContain("@org/everyone");
    expect(shown.map((finding) => finding.message).join("\n")).toContain(bidi);
    const accepted = report.findings.find((finding) => finding.suppressed);
    expect(accepted?.suppressed?.reason).toContain("@acme/security-team");
  });

  it("check run summary: no mention, reference, link or hidden character in its prose", () => {
    const markdown = renderMarkdown(report);
    expectInert(markdown);
    expect(markdown).toContain("`@org/everyone`");
    expect(markdown).toContain("`src/@acme/ui/index.ts`");
    expect(markdown).toContain("`#12`");
    expect(markdown).toContain("\\u202e");
  });

  it("check run summary: the Mermaid diagram carries no directive and no raw bidi", () => {
    const [diagram] = mermaidBlocks(renderMarkdown(report));
    expect(diagram).toBeDefined();
    expect(mermaidDirectives(diagram!)).toEqual([]);
    expect(diagram).toContain("#37;#37;{init");
    for (const char of rawHidden) expect(diagram).not.toContain(char);
  });

  it("review comments: inert too", () => {
    const errors = report.findings.filter((finding) => finding.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    for (const finding of errors) expectInert(renderReviewComment([finding]));
  });

  it("annotations: plain text without raw bidi or control characters", () => {
    const annotations = renderAnnotations(report.findings);

    expect(annotations.length).toBeGreaterThan(0);
    for (const { title, message, raw_details } of annotations) {
      for (const text of [title, message, raw_details ?? ""]) {
        for (const char of rawHidden) expect(text).not.toContain(char);
      }
    }
  });

  it("CLI text, with colour or without: no escape sequence but its own colours", () => {
    for (const color of [false, true]) {
      const text = renderText(report, { color });
      expect(text).not.toContain("\u202E");
      expect(text.replace(/\u001b\[\d+(?:;\d+)*m(?=[^[]|$)/g, "")).not.toContain("\u001b");
      expect(text).toContain("\\u001b[31mred\\u001b[0m");
    }
  });

  it("SARIF: no embedded link from a name, no raw bidi, and still valid JSON", () => {
    const sarif = renderSarif(report, { toolVersion: "test" });
    for (const char of rawHidden) expect(sarif).not.toContain(char);
    const log = JSON.parse(sarif) as {
      runs: { results: { message: { text: string } }[] }[];
    };
    const texts = log.runs[0]!.results.map((result) => result.message.text);
    expect(texts.join("\n")).toContain("[click\\](https:/evil.example)");
    // The only links are archdrift's own, to the imports among the related locations (by id).
    for (const text of texts) expect(text).not.toMatch(/\[[^\]\\]*\]\((?!\d+\))/);
  });

  it("JSON: the names unchanged once parsed, never raw in the printed text", () => {
    const json = renderJson(report);
    expect(json).not.toContain("\u202E");
    expect(json).toContain("\\u202e");
    expect(JSON.stringify(JSON.parse(json))).toContain(bidi);
  });

  it("archdrift graph: Mermaid, dot and JSON alike", () => {
    const mermaid = renderGraphMermaid(graph);
    expect(mermaidDirectives(mermaid)).toEqual([]);
    const json = renderGraphJson(graph);
    for (const text of [mermaid, renderGraphDot(graph), json]) {
      for (const char of rawHidden) expect(text).not.toContain(char);
    }
    expect(JSON.stringify(JSON.parse(json))).toContain(bidi);
  });
});
