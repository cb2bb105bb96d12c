import { reviewChanges } from "../src/review/review-changes.js";

/**
 * One full review in a process of its own, so the peak resident set is the review's alone:
 * `node review-child.js <repoDir> <base> <head>` prints JSON on stdout.
 */
const [repoDir, base, head] = process.argv.slice(2);
if (!repoDir || !base || !head) throw new Error("usage: review-child <repoDir> <base> <head>");
const started = performance.now();
const report = await reviewChanges({ repoDir, base, head });
process.stdout.write(
  `${JSON.stringify({
    seconds: (performance.now() - started) / 1000,
    // kilobytes on Linux and macOS
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    modules: report.stats.modules,
    findings: report.findings.length,
  })}\n`,
);
