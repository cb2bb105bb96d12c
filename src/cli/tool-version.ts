/** The version of archdrift, from package.json; part of every cache key and SARIF run. */
export { toolVersion } from "../review/analyser-version.js";
