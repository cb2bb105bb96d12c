import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { reviewChanges } from "../../src/review/review-changes.js";
import { reviewPullRequest } from "../../src/review/review-pull-request.js";
import { fetchPullRequest } from "../../src/workspace/fetch-pull-request.js";
import { safeGit } from "../../src/workspace/safe-git.js";
import { checkoutBranch, commitFiles } from "../../src/workspace/scratch-repo.js";
import {
  createServedRepo,
  pushRefs,
  startGitHttpServer,
  type GitHttpServer,
} from "../support/git-http-server.js";
import { useTempDirs } from "../workspace/temp-dir.js";
import {
  benignBase,
  carelessGit,
  commitGitlink,
  cycleChange,
  hookNames,
  hostileGitHome,
  plantHooks,
  submoduleSource,
  trappedTree,
  withHome,
} from "./hostile-repo.js";
import { trapMarker } from "./trap-marker.js";

const tempDir = useTempDirs();
const token = "ghs_TrapTestToken0123456789abcdefABCDEF";
const servers: GitHttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/**
 * The app's path: a pull request fetched over HTTP into a bare mirror, then reviewed. The served
 * repository's own config defines the evil filter and diff drivers its `.gitattributes` names (that
 * config never travels in a fetch, which is the point), and so does the host's global git config.
 *
 * Shown to fail without the protections, on a scratch copy of the repository: dropping
 * `core.hooksPath=/dev/null` from `safeGitEnv` set off `reference-transaction` hooks on the second
 * fetch; reading snapshots through `git checkout` set off the filter and LFS traps; handing
 * dependency-cruiser the checkout's config files set off the JavaScript traps.
 */
describe("the app never runs the code under review", () => {
  it("fetches and reviews a trapped pull request with hooks planted in its mirror", async () => {
    const scratch = await tempDir();
    const marker = trapMarker(scratch);
    const home = await hostileGitHome(scratch, marker);
    const root = join(scratch, "served");
    const served = await createServedRepo(root, "acme/shop");
    // Plain git: simple-git rightly refuses to set filter commands at all.
    const configure = (key: string, label: string) =>
      expect(
        carelessGit(["config", key, `${marker.shell(label)}; cat`], {
          cwd: served.bareDir,
          home: scratch,
        }).status,
      ).toBe(0);
    configure("filter.evil.smudge", "served-smudge");
    configure("filter.evil.clean", "served-clean");
    configure("diff.evil.textconv", "served-textconv");
    const submoduleSha = await submoduleSource(join(scratch, "sub"), marker);

    const base = await commitFiles(served.workDir, benignBase, "base");
    await checkoutBranch(served.workDir, "fork", true);
    await commitFiles(
      served.workDir,
      { ...trappedTree(marker, join(scratch, "sub")), ...cycleChange },
      "traps",
    );
    const firstHead = await commitGitlink(served.workDir, "vendor/sub", submoduleSha, "sub");
    await pushRefs(served, { "refs/heads/main": base, "refs/pull/1/head": firstHead });
    const server = await startGitHttpServer({ root, token });
    servers.push(server);
    const fetchOptions = {
      mirrorsDir: join(scratch, "mirrors"),
      repoFullName: "acme/shop",
      cloneUrl: `${server.url}${served.urlPath}`,
      token,
      baseSha: base,
    };

    const first = await withHome(home, async () => {
      const { repoDir } = await fetchPullRequest({
        ...fetchOptions,
        pullNumber: 1,
        headSha: firstHead,
      });
      return { repoDir, report: await reviewChanges({ repoDir, base, head: firstHead }) };
    });
    expect(await marker.fired()).toEqual([]);
    expect(first.report.findings.map((finding) => finding.rule)).toContain("new-cycle");

    // Hooks cannot arrive through a fetch; if something else put them in the mirror, they must
    // still never run. A low gc.auto makes the next fetch's auto-gc reach `pre-auto-gc` as well.
    const mirror = first.repoDir;
    await plantHooks(join(mirror, "hooks"), marker, "mirror-hook-");
    await safeGit(mirror).raw(["config", "gc.auto", "1"]);
    const control = carelessGit(["update-ref", "refs/archdrift/control", firstHead], {
      cwd: mirror,
      home: scratch,
    });
    expect(control.status).toBe(0);
    expect(await marker.fired()).toContain("mirror-hook-reference-transaction");
    carelessGit(["update-ref", "-d", "refs/archdrift/control"], { cwd: mirror, home: scratch });
    await marker.reset();

    const secondHead = await commitFiles(
      served.workDir,
      { "src/shop/payments/services.py": "from shop.orders import services\n" },
      "more",
    );
    await pushRefs(served, { "refs/pull/2/head": secondHead });
    const second = await withHome(home, () =>
      reviewPullRequest({ ...fetchOptions, pullNumber: 2, headSha: secondHead }),
    );

    expect(await marker.fired()).toEqual([]);
    expect(second.head.sha).toBe(secondHead);
    expect(second.findings.map((finding) => finding.rule)).toContain("new-cycle");
    expect(hookNames).toContain("reference-transaction");
  });
});
