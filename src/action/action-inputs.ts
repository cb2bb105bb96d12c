import { getBooleanInput, getInput } from "@actions/core";

export const failOnValues = ["error", "warning", "never"] as const;
export type FailOn = (typeof failOnValues)[number];

/** The inputs of action.yml, as the runner hands them over (INPUT_* variables, defaults filled in). */
export interface ActionInputs {
  /** The config's path in the base commit; absent: `.github/archdrift.yml` as in the App. */
  readonly config: string | undefined;
  readonly failOn: FailOn;
  readonly comments: boolean;
  readonly checkRun: boolean;
  /** Where to write SARIF, relative to the workspace; absent: no SARIF. */
  readonly sarif: string | undefined;
  readonly token: string;
}

/** A workflow that sets an input wrong: said plainly, before anything is reviewed. */
export class InputError extends Error {
  override readonly name = "InputError";
}

export function readInputs(): ActionInputs {
  return {
    config: optional("config"),
    failOn: failOn(getInput("fail-on") || "error"),
    comments: booleanInput("comments"),
    checkRun: booleanInput("check-run"),
    sarif: optional("sarif"),
    token: tokenInput(),
  };
}

function optional(name: string): string | undefined {
  const value = getInput(name);
  return value === "" ? undefined : value;
}

function failOn(value: string): FailOn {
  const known = failOnValues.find((candidate) => candidate === value);
  if (known) return known;
  throw new InputError(
    `fail-on must be one of ${failOnValues.join(", ")}, not ${JSON.stringify(value)}`,
  );
}

/** YAML's true/false as the toolkit reads them; an input left unset keeps action.yml's default. */
function booleanInput(name: string): boolean {
  try {
    return getBooleanInput(name);
  } catch {
    throw new InputError(`${name} must be true or false, not ${JSON.stringify(getInput(name))}`);
  }
}

/** `token` defaults to the job's GITHUB_TOKEN in action.yml; a bare run can pass GITHUB_TOKEN. */
function tokenInput(): string {
  const token = getInput("token") || process.env["GITHUB_TOKEN"] || "";
  if (token === "")
    throw new InputError(
      "no token: leave the `token` input at its default (the job's GITHUB_TOKEN) or pass one",
    );
  return token;
}
