import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";

/**
 * What GitHub would act on in a piece of markdown it renders (a check run summary, a comment),
 * found the way GitHub does: the markdown is rendered with a GFM parser, then the text outside
 * code (where GitHub links nothing) is searched for mentions, issue references and raw bidi or
 * control characters, and every link the markdown itself makes (autolinks included) is listed.
 */
export interface ProseFindings {
  readonly mentions: string[];
  readonly references: string[];
  readonly links: string[];
  readonly hiddenCharacters: string[];
}

// GitHub's mention: `@` after a non-word character, then a login or org/team.
const mention = /(?:^|[^\w`])(@[a-z\d][a-z\d-]*(?:\/[a-z\d][\w.-]*)?)/gi;
const reference = /(?:^|[^\w&])((?:[\w.-]+\/[\w.-]+)?#\d+|GH-\d+)\b/g;
const hidden = /[\p{Cc}\p{Bidi_Control}\u2028\u2029\u200b\u2060\ufeff]/gu;

export function githubProse(markdown: string): ProseFindings {
  const html = micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
  const links = [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((match) => match[1]!);
  const prose = decode(
    html
      .replace(/<pre>[\s\S]*?<\/pre>/g, " ")
      .replace(/<code>[\s\S]*?<\/code>/g, " ")
      .replace(/<[^>]+>/g, " "),
  );
  const newlinesAndTabs = (char: string) => !"\n\t\r".includes(char);
  return {
    mentions: [...prose.matchAll(mention)].map((match) => match[1]!),
    references: [...prose.matchAll(reference)].map((match) => match[1]!),
    links,
    hiddenCharacters: [...prose.matchAll(hidden)].map((match) => match[0]).filter(newlinesAndTabs),
  };
}

function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([\da-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Mermaid's own test for a directive (`%%{init: …}%%`), which it looks for anywhere in a diagram. */
export function mermaidDirectives(diagram: string): string[] {
  const directive =
    /%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi;
  return [...diagram.matchAll(directive)].map((match) => match[0]);
}

/** The ```mermaid blocks of a markdown document. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((match) => match[1]!);
}
