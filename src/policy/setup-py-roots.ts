/**
 * The source folders a setup.py declares, read as text (it is code from the repository under
 * review and never runs): `package_dir={"": "src"}` and `find_packages("src")` or
 * `find_packages(where="src")`. Undefined when neither appears.
 */
export function setupPyRoots(text: string): string[] | undefined {
  const roots = [
    ...matches(text, /package_dir\s*=\s*\{\s*(["'])\1\s*:\s*["']([^"'\n]*)["']/g, 2),
    ...matches(text, /find(?:_namespace)?_packages\s*\(\s*(?:where\s*=\s*)?["']([^"'\n]*)["']/g, 1),
  ];
  return roots.length > 0 ? roots : undefined;
}

function matches(text: string, pattern: RegExp, group: number): string[] {
  return [...text.matchAll(pattern)].map((match) => match[group] ?? "");
}
