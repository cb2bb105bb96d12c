import type { ChangedGraph, DriftReport } from "../../src/drift/drift-report.js";
import type { Finding } from "../../src/drift/finding.js";
import type { Edge } from "../../src/graph/graph.js";

export function anEdge(from: string, to: string, overrides: Partial<Edge> = {}): Edge {
  const file = `src/${from.replace(/\./g, "/")}.py`;
  const text = `import ${to}`;
  return { from, to, file, line: 1, text, kind: "runtime", ...overrides };
}

export function aFinding(overrides: Partial<Finding> = {}): Finding {
  const rule = overrides.rule ?? "new-domain-coupling";
  return {
    rule,
    severity: "warning",
    message: "shop.orders.service now depends on shop.payments.api",
    file: "src/shop/orders/service.py",
    line: 3,
    importText: "from shop.payments import api",
    modules: ["shop.orders.service", "shop.payments.api"],
    edges: [anEdge("shop.orders.service", "shop.payments.api", { line: 3 })],
    hint: "Go through the payments public interface.",
    fingerprint: `${rule}:shop.orders.service:shop.payments.api`,
    ...overrides,
  };
}

export const emptyChanged: ChangedGraph = { added: [], removed: [], context: [], domains: {} };

export function aReport(overrides: Partial<DriftReport> = {}): DriftReport {
  return {
    base: { ref: "main", sha: "1111111aaaaaaabbbbbbbcccccccdddddddeeeee" },
    head: { ref: "refs/pull/7/head", sha: "2222222aaaaaaabbbbbbbcccccccdddddddeeeee" },
    findings: [],
    existing: [],
    warnings: [],
    changed: emptyChanged,
    stats: { modules: 120, edges: 340, changedFiles: 4, durationMs: 1234 },
    configChanged: false,
    configFile: ".github/archdrift.yml",
    ...overrides,
  };
}

/** The three kinds of drift the design leads with: a new cycle, a layer violation, a new coupling. */
export function typicalFindings(): Finding[] {
  const closing = anEdge("shop.payments.api", "shop.orders.service", {
    file: "src/shop/payments/api.py",
    line: 12,
    text: "from shop.orders import service",
  });
  return [
    aFinding({
      rule: "new-cycle",
      severity: "error",
      message: "New import cycle: shop.payments.api now imports shop.orders.service",
      file: "src/shop/payments/api.py",
      line: 12,
      importText: "from shop.orders import service",
      modules: [
        "shop.payments.api",
        "shop.orders.service",
        "shop.orders.models",
        "shop.payments.api",
      ],
      edges: [
        closing,
        anEdge("shop.orders.service", "shop.orders.models"),
        anEdge("shop.orders.models", "shop.payments.api"),
      ],
      hint: "Move what payments needs from orders into a module both can import, or pass it in.",
      fingerprint: "new-cycle:shop.payments.api:shop.orders.service",
    }),
    aFinding({
      rule: "layer-violation",
      severity: "error",
      message:
        "shop.core.pricing (layer core) imports shop.api.views (layer api): lower layers may not import higher ones",
      file: "src/shop/core/pricing.py",
      line: 4,
      importText: "from shop.api.views import render_price",
      modules: ["shop.core.pricing", "shop.api.views"],
      edges: [
        anEdge("shop.core.pricing", "shop.api.views", {
          line: 4,
          text: "from shop.api.views import render_price",
        }),
      ],
      hint: "Return data from core and let the api layer render it.",
      fingerprint: "layer-violation:shop.core.pricing:shop.api.views",
    }),
    aFinding({
      rule: "new-domain-coupling",
      severity: "warning",
      message:
        "Domain orders now depends on domain users (shop.orders.service → shop.users.models)",
      file: "src/shop/orders/service.py",
      line: 7,
      importText: "from shop.users.models import User",
      modules: ["shop.orders.service", "shop.users.models"],
      edges: [
        anEdge("shop.orders.service", "shop.users.models", {
          line: 7,
          text: "from shop.users.models import User",
        }),
      ],
      hint: "If orders needs users, say so in the config's domains, or depend on an interface of users.",
      fingerprint: "new-domain-coupling:shop.orders.service:shop.users.models",
    }),
  ];
}

/** A report with the typical findings plus the fine print each renderer shows. */
export function typicalReport(): DriftReport {
  const findings = typicalFindings();
  const [cycle, layer, coupling] = findings;
  return aReport({
    findings: [
      ...findings,
      aFinding({
        rule: "forbidden",
        severity: "error",
        message: "shop.api.views imports shop.repository.orders: API goes through services",
        file: "src/shop/api/views.py",
        line: 2,
        suppressed: { reason: "migration in progress, see #412", by: "inline" },
        fingerprint: "forbidden:shop.api.views:shop.repository.orders",
      }),
      aFinding({
        rule: "cycle-broken",
        severity: "info",
        message: "Import cycle broken",
        file: "src/shop/users/models.py",
        line: 9,
        modules: ["shop.users.models", "shop.users.auth"],
        hint: "",
        fingerprint: "cycle-broken:shop.users.models:shop.users.auth",
      }),
    ],
    existing: [
      aFinding({ rule: "new-cycle", severity: "error", fingerprint: "old-1" }),
      aFinding({ fingerprint: "old-2" }),
    ],
    warnings: [
      {
        file: "src/shop/legacy.py",
        line: 5,
        message: "relative import climbs above the root: from ... import x",
      },
    ],
    changed: {
      added: [
        ...(cycle?.edges.slice(0, 1) ?? []),
        ...(layer?.edges ?? []),
        ...(coupling?.edges ?? []),
      ],
      removed: [anEdge("shop.users.models", "shop.users.auth")],
      context: [
        anEdge("shop.orders.service", "shop.orders.models"),
        anEdge("shop.orders.models", "shop.payments.api"),
      ],
      domains: {
        "shop.orders.service": "orders",
        "shop.orders.models": "orders",
        "shop.payments.api": "payments",
        "shop.users.models": "users",
        "shop.users.auth": "users",
      },
    },
  });
}
