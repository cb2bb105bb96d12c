import { createRequire } from "node:module";

const manifest = createRequire(import.meta.url)("../../package.json") as { version: string };

/** The version of archdrift, from package.json; part of every cache key and SARIF run. */
export const toolVersion: string = manifest.version;

/**
 * Bump when extraction changes what it produces (a new edge kind, another resolution rule, a new
 * warning) without a release: cached graphs and scans made by the old code must stop matching.
 */
export const extractionVersion = 4;

/** Part of every cache key: a graph is only reused by the code that would have built it. */
export const analyserVersion = `${toolVersion}+x${extractionVersion}`;
