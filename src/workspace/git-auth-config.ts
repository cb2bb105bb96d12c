export interface GitAuth {
  /** Settings for git's environment (GIT_CONFIG_COUNT), never its argv or a config file. */
  readonly config: Readonly<Record<string, string>>;
  /** Every form of the token that could surface in a message, to scrub from errors. */
  readonly secrets: readonly string[];
}

/**
 * GitHub's installation-token scheme as actions/checkout sends it. The header is scoped to the
 * clone URL's origin so a redirect to another host never carries it, and credential helpers are
 * switched off so git neither stores the token nor offers a stored one.
 */
export function gitAuthConfig(remoteUrl: URL, token: string): GitAuth {
  if (remoteUrl.protocol === "file:") return { config: {}, secrets: [token] };
  const basic = Buffer.from(`x-access-token:${token}`).toString("base64");
  const key = `http.${remoteUrl.origin}/.extra`;
  return {
    config: {
      "credential.helper": "",
      // git sends every extraheader it collects, and actions/checkout leaves one for this origin in
      // the clone's config: GitHub answers two Authorization headers with a 400 ("Duplicate
      // header"). An empty value empties git's list first; the two keys differ only in the case
      // git ignores in a variable's name, so both reach git, in this order.
      [`${key}header`]: "",
      [`${key}Header`]: `AUTHORIZATION: basic ${basic}`,
    },
    secrets: [token, basic, Buffer.from(token).toString("base64")],
  };
}
