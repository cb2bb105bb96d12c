import { describe, expect, it } from "vitest";
import { parseDirective } from "../../../src/languages/python/suppression-comments.js";
import { service, serviceGraph } from "./python-fixture.js";

describe("archdrift: ignore comments on Python imports", () => {
  it("a comment on the import line attaches its rules and reason", async () => {
    const graph = await serviceGraph(
      "from shop import users  # archdrift: ignore[new-cycle,layer-violation] legacy, see #12\n",
    );
    expect(graph.edges).toEqual([
      {
        from: service,
        to: "shop.users",
        file: "src/shop/orders/service.py",
        line: 1,
        text: "from shop import users",
        kind: "runtime",
        suppression: {
          rules: ["new-cycle", "layer-violation"],
          reason: "legacy, see #12",
          line: 1,
        },
      },
    ]);
    expect(graph.warnings).toEqual([]);
  });

  it("a comment alone on the line directly above attaches", async () => {
    const graph = await serviceGraph(
      "x = 1\n# archdrift: ignore[new-cycle] moving soon\nimport shop.users\n",
    );
    expect(graph.edges[0]?.suppression).toEqual({
      rules: ["new-cycle"],
      reason: "moving soon",
      line: 2,
    });
  });

  it("a comment on any line of a multi-line statement attaches", async () => {
    const source = [
      "from shop.payments import (",
      "    api,",
      "    charge,  # archdrift: ignore[boundary-violation] charge is public in all but name",
      ")",
    ].join("\n");
    const graph = await serviceGraph(source);
    expect(graph.edges.map((edge) => [edge.to, edge.suppression?.line])).toEqual([
      ["shop.payments.api", 3],
      ["shop.payments", 3],
    ]);
  });

  it("no brackets means every rule", async () => {
    const graph = await serviceGraph("import shop.users  # archdrift: ignore: vendored code\n");
    expect(graph.edges[0]?.suppression).toEqual({ rules: ["*"], reason: "vendored code", line: 1 });
  });

  it("a suppression without a reason is not honoured and gives a warning", async () => {
    const graph = await serviceGraph("import shop.users  # archdrift: ignore[new-cycle]\n");
    expect(graph.edges).toHaveLength(1);
    expect(graph.edges[0]?.suppression).toBeUndefined();
    expect(graph.warnings).toEqual([
      {
        file: "src/shop/orders/service.py",
        line: 1,
        message: "suppression needs a reason: # archdrift: ignore[new-cycle]",
      },
    ]);
  });

  it("a trailing comment on the line above belongs to that line's statement only", async () => {
    const graph = await serviceGraph(
      "import shop.users  # archdrift: ignore[new-cycle] known\nimport shop.payments.api\n",
    );
    expect(graph.edges.map((edge) => edge.suppression?.line)).toEqual([1, undefined]);
  });

  it("a comment two lines above does not attach", async () => {
    const graph = await serviceGraph("# archdrift: ignore[new-cycle] known\n\nimport shop.users\n");
    expect(graph.edges[0]?.suppression).toBeUndefined();
  });

  it("a directive inside a string is not a comment", async () => {
    const graph = await serviceGraph(
      "import shop.users; x = '# archdrift: ignore[new-cycle] no'\n",
    );
    expect(graph.edges[0]?.suppression).toBeUndefined();
  });

  it("parses the directive forms", () => {
    expect(parseDirective("# archdrift: ignore[a, b] - why", 3)).toEqual({
      rules: ["a", "b"],
      reason: "why",
      line: 3,
    });
    expect(parseDirective("# noqa: E402  # archdrift:ignore because", 1)).toEqual({
      rules: ["*"],
      reason: "because",
      line: 1,
    });
    expect(parseDirective("# archdrift: ignore", 1)).toEqual({
      problem: "suppression needs a reason: # archdrift: ignore",
    });
    expect(parseDirective("# archdrift: ignore[] why", 1)).toEqual({
      problem: "suppression names no rule: # archdrift: ignore[] why",
    });
    expect(parseDirective("# archdrift: ignored things", 1)).toBeUndefined();
    expect(parseDirective("# an ordinary comment", 1)).toBeUndefined();
  });
});
