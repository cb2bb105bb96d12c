import { join } from "node:path";
import { checkoutBranch, commitFiles, initRepo } from "../src/workspace/scratch-repo.js";
import { planPullRequest } from "./pull-request-plan.js";
import { planRepo, type RepoPlan } from "./repo-plan.js";
import { pythonPath, renderPythonModule, renderPythonRepo } from "./render-python-repo.js";
import {
  renderTypescriptModule,
  renderTypescriptRepo,
  typescriptPath,
} from "./render-typescript-repo.js";

export type BenchLanguage = "python" | "typescript";

export interface BenchRepo {
  readonly dir: string;
  readonly language: BenchLanguage;
  readonly modules: number;
  /** The base is `main`, the pull request's head is `pr`. */
  readonly base: "main";
  readonly head: "pr";
  /** Source files of the base, by path: what a full extraction reads. */
  readonly sources: ReadonlyMap<string, string>;
}

const renderers = {
  python: { repo: renderPythonRepo, module: renderPythonModule, path: pythonPath },
  typescript: { repo: renderTypescriptRepo, module: renderTypescriptModule, path: typescriptPath },
} as const;

/**
 * A generated repository with real history: the base committed on `main`, the pull request's
 * 10 changed files on `pr`. The seed depends on the size only, so Python and TypeScript
 * repositories of one size share one architecture.
 */
export async function createBenchRepo(
  parent: string,
  language: BenchLanguage,
  modules: number,
): Promise<BenchRepo> {
  const dir = join(parent, `${language}-${modules}`);
  const render = renderers[language];
  const plan: RepoPlan = planRepo(modules, modules);
  const files = render.repo(plan);
  await initRepo(dir);
  await commitFiles(dir, files, `shop: ${modules} modules`);
  const pull = planPullRequest(plan, modules + 1);
  const changes: Record<string, string> = {};
  for (const index of pull.changed) {
    changes[render.path(pull.head.modules[index]!)] = render.module(pull.head, index);
  }
  await checkoutBranch(dir, "pr", true);
  await commitFiles(dir, changes, "checkout: saga service, coupling to the next domain");
  // The work tree shows the base: what the ast baseline reads from disk.
  await checkoutBranch(dir, "main", false);
  const sources = new Map(Object.entries(files).filter(([path]) => /\.(py|ts)$/.test(path)));
  return { dir, language, modules, base: "main", head: "pr", sources };
}
