import type { ConfigError } from "../policy/policy.js";

/** The config cannot be used: the review stops and says where and why, instead of guessing. */
export class ConfigProblem extends Error {
  constructor(readonly errors: readonly ConfigError[]) {
    super(errors.map((error) => `${error.file}:${error.line}: ${error.message}`).join("\n"));
    this.name = "ConfigProblem";
  }
}
