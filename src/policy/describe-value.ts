/** How a config value reads in an error message: "got a number", "got "pyhton"". */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "string") return quote(value);
  if (typeof value === "number" || typeof value === "bigint") return "a number";
  if (typeof value === "boolean") return `${value}`;
  if (Array.isArray(value) || value instanceof Set) return "a list";
  if (typeof value === "object") return "a mapping";
  return `a ${typeof value}`;
}

/** A string quoted for a message, cut short so a 1 MB value does not become a 1 MB message. */
export function quote(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return JSON.stringify(short);
}
