import { createRequire } from "node:module";

const manifest = createRequire(import.meta.url)("../../package.json") as { version: string };

/** The version of archdrift, from package.json; part of every cache key and SARIF run. */
export const toolVersion: string = manifest.version;
