import { createRequire } from "node:module";
import type ts from "typescript";

/**
 * TypeScript, loaded with `require`: imported as an ES module, its 9 MB CommonJS bundle is first
 * scanned whole by Node for export names, which cost as much again as compiling it.
 */
export const typescript = createRequire(import.meta.url)("typescript") as typeof ts;
