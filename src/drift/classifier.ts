import type { ModuleNode } from "../graph/graph.js";

/** A module's place in the architecture the policy describes. */
export interface Layer {
  readonly index: number;
  readonly name: string;
}

export interface Classifier {
  domainOf(module: ModuleNode): string | undefined;
  layerOf(module: ModuleNode): Layer | undefined;
  /** True when the module's domain declares an interface and the module is not part of it. */
  isInternal(module: ModuleNode): boolean;
  /** Whether a repository path matches a user glob (forbidden and ignore rules). */
  matches(path: string, glob: string): boolean;
}
