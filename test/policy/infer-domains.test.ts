import { describe, expect, test } from "vitest";
import { inferDomains } from "../../src/policy/infer-domains.js";
import { js, py } from "./modules.js";

const names = (domains: ReturnType<typeof inferDomains>) =>
  domains.map((domain) => [domain.name, domain.paths.join(",")]);

describe("inferDomains for Python", () => {
  test("a single top-level package is descended into", () => {
    const modules = [
      py("src/shop/__init__.py", "src"),
      py("src/shop/settings.py", "src"),
      py("src/shop/orders/__init__.py", "src"),
      py("src/shop/orders/service.py", "src"),
      py("src/shop/payments/api.py", "src"),
      py("src/shop/users/models/user.py", "src"),
    ];
    expect(names(inferDomains(modules))).toEqual([
      ["orders", "src/shop/orders"],
      ["payments", "src/shop/payments"],
      ["users", "src/shop/users"],
    ]);
    expect(inferDomains(modules)[0]?.interface).toEqual([]);
  });

  test("the package holding most of the code is descended into, whatever sits beside it", () => {
    const modules = [
      py("wagtail/__init__.py"),
      py("wagtail/admin/__init__.py"),
      py("wagtail/admin/views.py"),
      py("wagtail/images/models.py"),
      py("wagtail/snippets/models.py"),
      py("wagtail/utils/setup.py"),
      py("scripts/get_translator_credits.py"),
    ];
    expect(names(inferDomains(modules))).toEqual([
      ["scripts", "scripts"],
      ["admin", "wagtail/admin"],
      ["images", "wagtail/images"],
      ["snippets", "wagtail/snippets"],
      ["utils", "wagtail/utils"],
    ]);
  });

  test("several top-level packages are the domains", () => {
    const modules = [
      py("orders/__init__.py"),
      py("orders/service.py"),
      py("payments/api.py"),
      py("manage.py"),
    ];
    expect(names(inferDomains(modules))).toEqual([
      ["orders", "orders"],
      ["payments", "payments"],
    ]);
  });

  test("namespace wrappers are descended through", () => {
    const modules = [py("src/acme/shop/orders/a.py", "src"), py("src/acme/shop/users/b.py", "src")];
    expect(names(inferDomains(modules))).toEqual([
      ["orders", "src/acme/shop/orders"],
      ["users", "src/acme/shop/users"],
    ]);
  });

  test("a package with only modules is one domain", () => {
    expect(
      names(inferDomains([py("src/tool/__init__.py", "src"), py("src/tool/cli.py", "src")])),
    ).toEqual([["tool", "src/tool"]]);
  });

  test("several roots: each root's packages, named by module path on collision", () => {
    const modules = [
      py("services/api/src/orders/views.py", "services/api/src"),
      py("services/api/src/api/app.py", "services/api/src"),
      py("libs/core/core/money.py", "libs/core"),
      py("libs/core/orders/models.py", "libs/core"),
    ];
    expect(names(inferDomains(modules))).toEqual([
      ["core", "libs/core/core"],
      ["libs/core/orders", "libs/core/orders"],
      ["api", "services/api/src/api"],
      ["services/api/src/orders", "services/api/src/orders"],
    ]);
  });

  test("a name shared with another language's domain becomes the dotted module path", () => {
    const modules = [
      py("src/shop/orders/a.py", "src"),
      py("src/shop/users/b.py", "src"),
      js("web/src/orders/c.ts"),
      js("web/src/cart/d.ts"),
    ];
    expect(names(inferDomains(modules))).toEqual([
      ["shop.orders", "src/shop/orders"],
      ["users", "src/shop/users"],
      ["cart", "web/src/cart"],
      ["web/src/orders", "web/src/orders"],
    ]);
  });
});

describe("inferDomains for JavaScript", () => {
  test("workspace packages", () => {
    const modules = [
      js("packages/app/src/index.ts"),
      js("packages/ui/src/button.tsx"),
      js("scripts/x.js"),
    ];
    const domains = inferDomains(modules, {
      workspaces: ["packages/app", "packages/ui", "packages/empty"],
    });
    expect(names(domains)).toEqual([
      ["app", "packages/app"],
      ["ui", "packages/ui"],
    ]);
  });

  test("the first folder level under src", () => {
    const modules = [
      js("src/orders/index.ts"),
      js("src/users/api.ts"),
      js("src/main.ts"),
      js("vite.config.ts"),
    ];
    expect(names(inferDomains(modules))).toEqual([
      ["orders", "src/orders"],
      ["users", "src/users"],
    ]);
  });

  test("a packages folder without workspace info is descended into", () => {
    const modules = [js("packages/app/src/a.ts"), js("packages/ui/src/b.ts")];
    expect(names(inferDomains(modules))).toEqual([
      ["app", "packages/app"],
      ["ui", "packages/ui"],
    ]);
  });

  test("Python and JavaScript together", () => {
    const modules = [
      py("backend/orders/a.py"),
      py("backend/users/b.py"),
      js("web/src/cart/c.ts"),
      js("web/src/auth/d.ts"),
    ];
    expect(names(inferDomains(modules))).toEqual([
      ["orders", "backend/orders"],
      ["users", "backend/users"],
      ["auth", "web/src/auth"],
      ["cart", "web/src/cart"],
    ]);
  });
});
