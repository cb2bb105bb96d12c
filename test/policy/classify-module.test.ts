import { describe, expect, test } from "vitest";
import {
  classifyModule,
  domainOf,
  isInterface,
  layerOf,
  type ClassifyPolicy,
} from "../../src/policy/classify-module.js";
import type { DomainSpec } from "../../src/policy/policy.js";
import { js, py } from "./modules.js";

const orders: DomainSpec = {
  name: "orders",
  paths: ["src/shop/orders"],
  interface: ["src/shop/orders/api.py", "src/shop/orders/schemas"],
};
const internal: DomainSpec = {
  name: "orders-internal",
  paths: ["src/shop/orders/internal/**"],
  interface: [],
};
const payments: DomainSpec = { name: "payments", paths: ["src/*/payments"], interface: [] };
const shop: DomainSpec = { name: "shop", paths: ["src/shop"], interface: [] };

const policy: ClassifyPolicy = {
  domains: [shop, orders, internal, payments],
  layers: [["api"], ["services"], ["core", "models"], ["utils"]],
};

describe("domainOf", () => {
  test("the longest matching path wins", () => {
    expect(domainOf(py("src/shop/orders/service.py", "src"), policy.domains)?.name).toBe("orders");
    expect(domainOf(py("src/shop/orders/internal/db.py", "src"), policy.domains)?.name).toBe(
      "orders-internal",
    );
    expect(domainOf(py("src/shop/cart.py", "src"), policy.domains)?.name).toBe("shop");
  });

  test("a folder path selects its module file and a glob selects below a folder it matches", () => {
    expect(domainOf(py("src/shop/orders.py", "src"), [orders])?.name).toBe("orders");
    expect(domainOf(py("src/shop/payments/api/x.py", "src"), [payments])?.name).toBe("payments");
    expect(domainOf(py("src/shop/ordersx/a.py", "src"), [orders])).toBeUndefined();
  });

  test("outside every domain", () => {
    expect(domainOf(py("lib/x.py", "lib"), policy.domains)).toBeUndefined();
  });

  test("on a tie the first declared wins", () => {
    const twin: DomainSpec = { ...orders, name: "twin" };
    expect(domainOf(py("src/shop/orders/a.py", "src"), [orders, twin])?.name).toBe("orders");
  });
});

describe("layerOf", () => {
  test("a folder below the domain names the layer", () => {
    expect(layerOf(py("src/shop/orders/api/views.py", "src"), policy)).toBe(0);
    expect(layerOf(py("src/shop/orders/services/place.py", "src"), policy)).toBe(1);
  });

  test("a module file names the layer, and shared layers share an index", () => {
    expect(layerOf(py("src/shop/orders/models.py", "src"), policy)).toBe(2);
    expect(layerOf(py("src/shop/orders/core/money.py", "src"), policy)).toBe(2);
    expect(layerOf(js("src/app/utils.ts"), { domains: [], layers: policy.layers })).toBe(3);
  });

  test("the first layer segment counts", () => {
    expect(layerOf(py("src/shop/orders/services/utils.py", "src"), policy)).toBe(1);
  });

  test("a package marker belongs to its folder", () => {
    expect(layerOf(py("src/shop/orders/api/__init__.py", "src"), policy)).toBe(0);
  });

  test("inferred domains named after layers get those layers", () => {
    const layered: ClassifyPolicy = {
      domains: [
        { name: "api", paths: ["src/shop/api"], interface: [] },
        { name: "core", paths: ["src/shop/core"], interface: [] },
      ],
      layers: [["api"], ["core"]],
    };
    expect(layerOf(py("src/shop/api/views.py", "src"), layered)).toBe(0);
    expect(layerOf(py("src/shop/core/__init__.py", "src"), layered)).toBe(1);
  });

  test("segments above the source root do not count", () => {
    const rooted: ClassifyPolicy = { domains: [], layers: [["services"]] };
    expect(
      layerOf(py("services/billing/src/billing/x.py", "services/billing/src"), rooted),
    ).toBeUndefined();
  });

  test("no layer", () => {
    expect(layerOf(py("src/shop/orders/handlers.py", "src"), policy)).toBeUndefined();
    expect(
      layerOf(py("src/shop/orders/api.py", "src"), { domains: [], layers: [] }),
    ).toBeUndefined();
  });
});

describe("isInterface", () => {
  test("listed files and folders are the interface", () => {
    expect(isInterface(py("src/shop/orders/api.py", "src"), orders)).toBe(true);
    expect(isInterface(py("src/shop/orders/schemas/order.py", "src"), orders)).toBe(true);
    expect(isInterface(py("src/shop/orders/service.py", "src"), orders)).toBe(false);
  });

  test("the domain's package entry is public", () => {
    expect(isInterface(py("src/shop/orders/__init__.py", "src"), orders)).toBe(true);
    expect(isInterface(py("src/shop/orders/internal/__init__.py", "src"), orders)).toBe(false);
    const web: DomainSpec = { name: "web", paths: ["web/cart"], interface: ["web/cart/public.ts"] };
    expect(isInterface(js("web/cart/index.ts"), web)).toBe(true);
  });

  test("a domain without an interface is all public", () => {
    expect(isInterface(py("src/shop/payments/db.py", "src"), payments)).toBe(true);
  });
});

test("classifyModule puts it together", () => {
  expect(classifyModule(py("src/shop/orders/services/place.py", "src"), policy)).toEqual({
    domain: orders,
    layer: 1,
    isInterface: false,
  });
  expect(classifyModule(py("lib/x.py", "lib"), policy)).toEqual({ isInterface: true });
});
