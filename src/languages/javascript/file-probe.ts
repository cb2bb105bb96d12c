import fs from "node:fs";

/** Whether an absolute path is a regular file; answers are remembered for one extraction. */
export type IsFile = (absolute: string) => boolean;

export function createFileProbe(): IsFile {
  const known = new Map<string, boolean>();
  return (absolute) => {
    let answer = known.get(absolute);
    if (answer === undefined) {
      // lstat, not stat: a symlink is never a source file of ours, wherever it points.
      answer = fs.lstatSync(absolute, { throwIfNoEntry: false })?.isFile() ?? false;
      known.set(absolute, answer);
    }
    return answer;
  };
}
