import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/drift/finding.js";
import { reviewChanges } from "../../src/review/review-changes.js";
import { checkoutBranch, commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { runCli } from "../cli/run-cli.js";
import { useTempDirs } from "../workspace/temp-dir.js";

const tempDir = useTempDirs();

/**
 * Shaped like the real case (a Django-scale project): one big component held together by imports
 * inside functions, with a small import-time cycle inside it, a package that re-exports from its
 * `__init__.py`, a TYPE_CHECKING import and an import kept in a function "to avoid circular imports".
 */
function baseFiles(): Record<string, string> {
  const ring = 12;
  const files: Record<string, string> = {
    "src/shop/__init__.py": "",
    "src/shop/orders/__init__.py": "",
    "src/shop/orders/models.py":
      "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from shop.payments.models import Payment\n\nclass Order: ...\n",
    "src/shop/orders/events.py":
      "from shop.orders.models import Order\n\ndef emit(order: Order): ...\n",
    "src/shop/payments/__init__.py": "",
    "src/shop/payments/models.py":
      "from shop.orders.models import Order\n\n\ndef total():\n    # to avoid circular imports\n    from shop.checkout.m0 import Basket\n    return Basket\n",
    "src/shop/payments/api.py": "from shop.payments import gateway\n",
    "src/shop/payments/gateway.py": "from shop.payments import api\n",
    "src/shop/checkout/__init__.py": "from shop.checkout.m0 import Basket\n",
  };
  for (let index = 0; index < ring; index++) {
    const next =
      index + 1 < ring
        ? `from shop.checkout.m${index + 1} import step\n`
        : "from shop.payments import models\n";
    // The last module reaches back into orders only inside a function: the big lazy component.
    const back =
      index + 1 === ring
        ? "\n\ndef later():\n    from shop.orders import events\n    from shop.payments import api\n"
        : "";
    files[`src/shop/checkout/m${index}.py`] = `${next}\nclass Basket: ...\nstep = 1\n${back}`;
  }
  files["src/shop/orders/models.py"] +=
    "\n\ndef pay():\n    from shop.payments import models\n    from shop.checkout import m0\n";
  return files;
}

async function review(
  pr: Record<string, string | null>,
): Promise<{ dir: string; findings: readonly Finding[]; existing: readonly Finding[] }> {
  const dir = await tempDir();
  await initRepo(dir);
  await commitFiles(dir, baseFiles(), "base");
  await checkoutBranch(dir, "pr", true);
  await commitFiles(dir, pr, "pr");
  const report = await reviewChanges({ repoDir: dir, base: "main", head: "pr" });
  return { dir, findings: report.findings, existing: report.existing };
}

const cycleRules = new Set(["new-cycle", "grown-cycle", "cycle-broken"]);
const cycles = (findings: readonly Finding[]) => findings.filter((f) => cycleRules.has(f.rule));

describe("import-time cycles inside a project's big component of lazy imports", () => {
  it("fails on a new module-level import between two members of the big component", async () => {
    const models = baseFiles()["src/shop/orders/models.py"]!;
    const { dir, findings } = await review({
      "src/shop/orders/models.py": `from shop.orders import events\n${models}`,
    });
    const [finding, ...rest] = cycles(findings);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      rule: "new-cycle",
      severity: "error",
      file: "src/shop/orders/models.py",
      line: 1,
    });
    expect(finding?.message).toContain(
      "New import-time cycle: shop.orders.models → shop.orders.events → shop.orders.models",
    );
    expect(finding?.message).toContain(
      "shop.orders.models imports shop.orders.events while shop.orders.events is still initialising",
    );
    expect(finding?.message).toContain(
      "shop.orders.events → shop.orders.models at src/shop/orders/events.py:1",
    );
    const run = await runCli(["check", "--base", "main", "--head", "pr"], dir);
    expect(run.code).toBe(1);
  });

  it("fails when an import leaves its if TYPE_CHECKING: block, and says so", async () => {
    const models = baseFiles()["src/shop/orders/models.py"]!.replace(
      "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from shop.payments.models import Payment\n",
      "from shop.payments.models import Payment\n",
    );
    const { findings } = await review({ "src/shop/orders/models.py": models });
    const [finding, ...rest] = cycles(findings);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: "new-cycle", severity: "error", line: 1 });
    expect(finding?.message).toContain(
      "shop.orders.models → shop.payments.models → shop.orders.models",
    );
    expect(finding?.message).toContain("this import left its if TYPE_CHECKING: block");
    expect(finding?.message).toContain("src/shop/orders/models.py:4");
  });

  it("fails when an import is hoisted from a function to module level, and says so", async () => {
    const payments = baseFiles()["src/shop/payments/models.py"]!.replace(
      "    # to avoid circular imports\n    from shop.checkout.m0 import Basket\n",
      "",
    );
    const { findings } = await review({
      "src/shop/payments/models.py": `from shop.checkout.m0 import Basket\n${payments}`,
    });
    const [finding, ...rest] = cycles(findings);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: "new-cycle", severity: "error" });
    expect(finding?.message).toContain("moved from inside a function to module level");
    expect(finding?.message).toContain("… 3 more …");
  });

  it("fails on a re-exported name that closes a loop through a dozen modules", async () => {
    const { findings } = await review({
      "src/shop/checkout/m11.py": `from shop.checkout import Basket\n${baseFiles()["src/shop/checkout/m11.py"]!}`,
    });
    const [finding, ...rest] = cycles(findings);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      rule: "new-cycle",
      severity: "error",
      file: "src/shop/checkout/m11.py",
      line: 1,
    });
    expect(finding?.message).toContain(
      "New import-time cycle: shop.checkout.m11 → shop.checkout →",
    );
    expect(finding?.modules).toHaveLength(13);
    expect(finding?.edges.slice(0, 13).map((edge) => edge.kind)).toEqual(Array(13).fill("runtime"));
  });

  it("stays quiet when a PR only adds an import inside a function within the big component", async () => {
    const events = baseFiles()["src/shop/orders/events.py"]!;
    const { dir, findings } = await review({
      "src/shop/orders/events.py": `${events}\n\ndef refund():\n    from shop.payments import models\n`,
    });
    expect(cycles(findings)).toEqual([]);
    const run = await runCli(["check", "--base", "main", "--head", "pr"], dir);
    expect(run.code).toBe(0);
  });

  it("reports cycle-broken when an import-time cycle is broken and the big component stays", async () => {
    const { findings } = await review({
      "src/shop/payments/gateway.py": "def charge():\n    from shop.payments import api\n",
    });
    expect(cycles(findings)).toEqual([
      expect.objectContaining({
        rule: "cycle-broken",
        severity: "info",
        file: "src/shop/payments/gateway.py",
      }),
    ]);
    expect(cycles(findings)[0]?.message).toContain("Import-time cycle broken");
  });

  it("describes the base's cycles as existing, and says new ones inside are still judged", async () => {
    const { existing } = await review({ "src/shop/orders/notes.py": "x = 1\n" });
    const messages = existing.filter((f) => f.rule === "new-cycle").map((f) => f.message);
    expect(messages).toEqual([
      expect.stringMatching(/^Existing cycle of 15 modules through imports inside functions: /),
      expect.stringMatching(
        /^Existing import-time cycle of 2 modules: shop.payments.api → shop.payments.gateway → shop.payments.api/,
      ),
    ]);
    expect(messages[0]).toContain("New cycles inside it are still judged on every pull request");
    expect(existing.find((f) => f.rule === "new-cycle")?.severity).toBe("warning");
    const domains = existing.find((f) => f.rule === "domain-cycle");
    expect(domains?.message).toMatch(/^Existing loop of domains: /);
    expect(domains?.message).not.toContain("closed by");
  });
});
