export interface BenchRow {
  readonly metric: string;
  readonly value: string;
  /** The target, or "" for a row that only gives context. */
  readonly floor: string;
  /** `undefined` for context rows and rows still to be finished. */
  readonly pass: boolean | undefined;
}

/** A GitHub markdown table padded as prettier pads it, so bench/results.md passes `prettier --check`. */
export function markdownTable(rows: readonly BenchRow[]): string {
  const cells = [
    ["metric", "value", "floor", "result"],
    ...rows.map((row) => [
      row.metric,
      row.value,
      row.floor,
      row.pass === undefined ? "" : row.pass ? "pass" : "FAIL",
    ]),
  ];
  const widths = cells[0]!.map((_, column) =>
    Math.max(3, ...cells.map((line) => line[column]!.length)),
  );
  const line = (values: readonly string[]) =>
    `| ${values.map((value, column) => value.padEnd(widths[column]!)).join(" | ")} |`;
  return [
    line(cells[0]!),
    line(widths.map((width) => "-".repeat(width))),
    ...cells.slice(1).map(line),
  ].join("\n");
}
