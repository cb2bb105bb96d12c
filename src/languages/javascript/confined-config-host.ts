import fs from "node:fs";
import path from "node:path";
import type ts from "typescript";

/**
 * A ParseConfigHost that reads only regular files inside the checkout. A tsconfig from a pull
 * request may `extends` any path, and `../../../etc/...` must not pull host files into the review.
 * Listing files is refused too: we need `paths`, not the project's file list, and a walk of a
 * large repository would cost seconds.
 */
export function confinedConfigHost(dir: string): ts.ParseConfigHost {
  const root = path.resolve(dir);
  const inside = (fileName: string) => {
    const relative = path.relative(root, path.resolve(fileName));
    return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
  };
  const fileExists = (fileName: string) =>
    inside(fileName) && (fs.lstatSync(fileName, { throwIfNoEntry: false })?.isFile() ?? false);
  return {
    useCaseSensitiveFileNames: true,
    readDirectory: () => [],
    fileExists,
    readFile: (fileName) => (fileExists(fileName) ? fs.readFileSync(fileName, "utf8") : undefined),
  };
}
