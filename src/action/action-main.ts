import { setFailed } from "@actions/core";
import { InputError } from "./action-inputs.js";
import { runAction } from "./run-action.js";

/** The Action's entry (action.yml `runs.main`, bundled): the runner's env in, an exit code out. */
try {
  process.exitCode = await runAction(process.env);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  setFailed(error instanceof InputError ? `archdrift: ${message}` : `archdrift failed: ${message}`);
  if (!(error instanceof InputError) && error instanceof Error && error.stack)
    console.error(error.stack);
}
