import { describe, expect, it } from "vitest";
import { renderText } from "../../src/report/render-text.js";
import { aFinding, aReport, typicalReport } from "./factories.js";

const ansi = /\u001b\[/;

describe("renderText", () => {
  it("starts with the verdict and the counts", () => {
    const text = renderText(typicalReport(), { color: false });
    expect(text.split("\n")[0]).toBe("✖ 2 errors, 1 warning — this PR adds architecture drift");
  });

  it("says plainly when a PR adds no drift", () => {
    const text = renderText(aReport(), { color: false });
    expect(text.split("\n")[0]).toBe("✔ no new architecture drift");
    expect(text).toContain("Reviewed 120 modules, 340 edges, 4 changed files in 1.2 s");
  });

  it("makes warnings alone a neutral verdict", () => {
    const text = renderText(aReport({ findings: [aFinding()] }), { color: false });
    expect(text.split("\n")[0]).toBe("⚠ 1 warning — this PR adds architecture drift");
  });

  it("lists errors before warnings, each as path:line  rule  message, then import, cycle and hint", () => {
    const text = renderText(typicalReport(), { color: false });
    expect(text.indexOf("Errors (2)")).toBeLessThan(text.indexOf("Warnings (1)"));
    expect(text).toContain(
      "  src/shop/payments/api.py:12  new-cycle  New import cycle: shop.payments.api now imports shop.orders.service\n" +
        "      from shop.orders import service\n" +
        "      cycle: shop.payments.api → shop.orders.service → shop.orders.models → shop.payments.api\n" +
        "      hint: Move what payments needs from orders into a module both can import, or pass it in.\n",
    );
    expect(text).toContain(
      "src/shop/core/pricing.py:4  layer-violation  shop.core.pricing (layer core)",
    );
  });

  it("closes a cycle the drift step listed once per module", () => {
    const finding = aFinding({ rule: "new-cycle", severity: "error", modules: ["a", "b", "c"] });
    expect(renderText(aReport({ findings: [finding] }), { color: false })).toContain(
      "cycle: a → b → c → a",
    );
  });

  it("shows suppressed findings with their reason, improvements, existing drift and warnings", () => {
    const text = renderText(typicalReport(), { color: false });
    expect(text).toContain(
      "src/shop/api/views.py:2  forbidden  — migration in progress, see #412 (inline)",
    );
    expect(text).toContain(
      "✔ Import cycle broken: shop.users.models → shop.users.auth → shop.users.models",
    );
    expect(text).toContain(
      "Existing drift at base: 2 findings (1 error, 1 warning), not counted against this PR",
    );
    expect(text).toContain("⚠ src/shop/legacy.py:5  relative import climbs above the root");
  });

  it("says when the PR edits the config that judged it", () => {
    const text = renderText(aReport({ configChanged: true }), { color: false });
    expect(text).toContain(
      "This PR edits .github/archdrift.yml: it was reviewed with the base's version.",
    );
  });

  it("has no ANSI codes without color and has them with color", () => {
    expect(renderText(typicalReport(), { color: false })).not.toMatch(ansi);
    expect(renderText(typicalReport(), { color: true })).toMatch(ansi);
  });

  it("escapes control characters that come from the PR so they cannot drive the terminal", () => {
    const finding = aFinding({ message: "evil \u001b[2J name", file: "src/\u001b]0;x.py" });
    const text = renderText(aReport({ findings: [finding] }), { color: false });
    expect(text).not.toMatch(/\u001b/);
    expect(text).toContain("evil \\u001b[2J name");
  });
});
