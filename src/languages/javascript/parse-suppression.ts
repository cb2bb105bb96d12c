/**
 * Grammar of an inline suppression, in a `//` comment:
 *
 *   // archdrift-ignore <rules> <reason>    rules: `rule-a,rule-b`, each `[a-z]+(-[a-z]+)*`, or `*`
 *   // archdrift-ignore <reason>            every rule
 *
 * The first word is read as a rule list when each comma-separated item looks like a rule id (or is
 * `*`) and more words follow it; otherwise the whole text is the reason and every rule is accepted.
 * So a reason for every rule must not start with a lowercase rule-like word, or must start with `*`:
 * `// archdrift-ignore * legacy code`. A suppression without a reason is not honoured: accepting a
 * finding is a decision someone should be able to read later.
 */
export type ParsedSuppression =
  | { readonly valid: true; readonly rules: readonly string[]; readonly reason: string }
  | { readonly valid: false; readonly message: string };

const marker = /\/\/\s*archdrift-ignore(?=\s|$)(.*)$/;
const ruleId = /^[a-z]+(?:-[a-z]+)*$/;

/** The suppression a source line carries, or undefined when it has none. */
export function parseSuppression(line: string): ParsedSuppression | undefined {
  const match = marker.exec(line);
  if (!match) return undefined;
  const words = (match[1] ?? "").trim().split(/\s+/).filter(Boolean);
  const [first, ...rest] = words;
  if (first === undefined) return missingReason();
  const rules = ruleList(first);
  if (!rules) return { valid: true, rules: ["*"], reason: words.join(" ") };
  if (rest.length === 0) return missingReason();
  return { valid: true, rules, reason: rest.join(" ") };
}

function ruleList(word: string): string[] | undefined {
  const items = word.split(",");
  const allRules = items.every((item) => item === "*" || ruleId.test(item));
  if (!allRules) return undefined;
  return items.includes("*") ? ["*"] : items;
}

function missingReason(): ParsedSuppression {
  return {
    valid: false,
    message:
      "archdrift-ignore without a reason is not honoured: write `// archdrift-ignore <rules> <reason>`",
  };
}
