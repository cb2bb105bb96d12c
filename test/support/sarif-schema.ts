import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import Ajv04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import type { ValidateFunction } from "ajv";

let compiled: Promise<ValidateFunction> | undefined;

/** A validator for the OASIS SARIF 2.1.0 schema (draft-04), as @microsoft/jest-sarif ships it. */
export function sarifValidator(): Promise<ValidateFunction> {
  compiled ??= compile();
  return compiled;
}

async function compile(): Promise<ValidateFunction> {
  const path = createRequire(import.meta.url).resolve(
    "@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json",
  );
  // The schema's language pattern has a stray `]` that only non-unicode regular expressions accept.
  const ajv = new Ajv04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(await readFile(path, "utf8")) as object);
}
