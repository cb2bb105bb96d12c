/**
 * The source folders a setup.cfg declares (`[options] package_dir = =src`, or
 * `[options.packages.find] where = src`), relative to its folder; undefined when it declares none.
 * A tolerant INI reader: setuptools' own is configparser, and we must never fail on odd files.
 */
export function setupCfgRoots(text: string): string[] | undefined {
  const sections = readIni(text);
  const roots = [
    ...packageDirRoots(sections.get("options")?.get("package_dir")),
    ...splitList(sections.get("options.packages.find")?.get("where")),
  ];
  return roots.length > 0 ? roots : undefined;
}

/** Section name to key to value, continuation lines joined with newlines, keys lower-cased. */
function readIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let section: Map<string, string> | undefined;
  let key: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s*[#;]/.test(raw) || raw.trim() === "") continue;
    const header = /^\[([^\]]*)\]\s*$/.exec(raw);
    if (header) {
      section = new Map();
      sections.set((header[1] ?? "").trim().toLowerCase(), section);
      key = undefined;
      continue;
    }
    if (/^\s/.test(raw) && key !== undefined && section !== undefined) {
      section.set(key, `${section.get(key) ?? ""}\n${raw.trim()}`);
      continue;
    }
    const assignment = /^([^=:]+)[=:](.*)$/.exec(raw);
    if (assignment && section !== undefined) {
      key = (assignment[1] ?? "").trim().toLowerCase();
      section.set(key, (assignment[2] ?? "").trim());
    }
  }
  return sections;
}

/** `package_dir = =src` or one `name = folder` per line; only the root entry (empty name) counts. */
function packageDirRoots(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value.split(/[\n,]/).flatMap((entry) => {
    const match = /^\s*([^=]*)=\s*(.*?)\s*$/.exec(entry);
    return match && (match[1] ?? "").trim() === "" ? [match[2] ?? ""] : [];
  });
}

function splitList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}
