import { stringify } from "yaml";
import type { ConfigFile } from "../review/load-policy.js";
import type { GitHubOctokit } from "./github-octokit.js";
import type { ReviewTarget } from "./review-target.js";

export const configPath = ".github/archdrift.yml";

/**
 * The config through Probot's loader, at the base commit: it falls back to the organisation's
 * `.github` repository and follows `_extends`. When the repository's own file stands alone, the
 * review reads it from git instead (undefined here), so config errors keep their line numbers;
 * a file the loader cannot parse or that is not a file takes that path too and gets a precise
 * error.
 */
export async function loadGitHubConfig(
  octokit: GitHubOctokit,
  target: ReviewTarget,
): Promise<ConfigFile | undefined> {
  let result: Awaited<ReturnType<GitHubOctokit["config"]["get"]>>;
  try {
    result = await octokit.config.get({
      owner: target.owner,
      repo: target.repo,
      path: configPath,
      branch: target.baseSha,
    });
  } catch (error) {
    // A config the loader cannot parse, or a folder, submodule or outward symlink in its place:
    // the review reads it from git, which names the file and says what is wrong with it.
    if (
      error instanceof Error &&
      /could not be parsed|is either a directory or a submodule/.test(error.message)
    )
      return undefined;
    throw error;
  }
  const found = result.files.filter((file) => file.config !== null);
  const ownOnly =
    found.length === 1 && found[0]?.owner === target.owner && found[0].repo === target.repo;
  if (found.length === 0 || ownOnly) return undefined;
  return {
    file: found.map((file) => `${file.owner}/${file.repo}:${file.path}`).join(" + "),
    text: stringify(result.config),
  };
}
