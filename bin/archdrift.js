#!/usr/bin/env node
import { ignoreClosedPipe } from "../dist/cli/closed-pipe.js";
import { main } from "../dist/cli/main.js";

ignoreClosedPipe(process.stdout);
ignoreClosedPipe(process.stderr);
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
