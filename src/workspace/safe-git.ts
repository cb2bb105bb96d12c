import { simpleGit, type SimpleGit } from "simple-git";

/**
 * Git as archdrift runs it on untrusted repositories: no hooks, no fsmonitor, no LFS smudge, no
 * prompts, no system config, and only the protocols a fetch needs. Settings travel through git's
 * environment (GIT_CONFIG_COUNT) so they also bind the `git` processes spawned directly.
 */
export function safeGitEnv(extraConfig: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const config: Record<string, string> = {
    "core.hooksPath": "/dev/null",
    "core.fsmonitor": "false",
    "core.symlinks": "false",
    "submodule.recurse": "false",
    "advice.detachedHead": "false",
    "init.defaultBranch": "main",
    ...extraConfig,
  };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env["PATH"],
    HOME: process.env["HOME"],
    LANG: "C",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_TERMINAL_PROMPT: "0",
    GIT_LFS_SKIP_SMUDGE: "1",
    GIT_ALLOW_PROTOCOL: "https:http:file",
    GIT_CONFIG_COUNT: String(Object.keys(config).length),
  };
  Object.entries(config).forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key;
    env[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  return env;
}

export function safeGit(
  baseDir: string,
  extraConfig?: Readonly<Record<string, string>>,
): SimpleGit {
  const env = safeGitEnv(extraConfig);
  return simpleGit({
    baseDir,
    allowEnvironment: Object.keys(env).filter((key) => key.startsWith("GIT_")),
    maxConcurrentProcesses: 4,
    // simple-git vets config for dangerous keys; these are ours, set to switch the danger off.
    unsafe: {
      allowUnsafeConfigEnvCount: true,
      allowUnsafeHooksPath: true,
      allowUnsafeFsMonitor: true,
    },
  }).env(env);
}
