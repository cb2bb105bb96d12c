import { Places } from "./bracket-rules.js";
import { definitionHeader, topLevelCount } from "./python-block-rules.js";
import { Kind, Word, type PythonTokens } from "./python-tokens.js";
import { Expect, validTokenRun } from "./token-run-check.js";

/** Whether the header of a compound statement, keyword `word` at `start` up to its `:`, is sound. */
export function validHeader(
  tokens: PythonTokens,
  start: number,
  colon: number,
  word: number,
): boolean {
  switch (word) {
    case Word.ELSE:
    case Word.TRY:
    case Word.FINALLY:
      return colon === start + 1;
    case Word.EXCEPT:
      return validTokenRun(tokens, start + 1, colon, Expect.OPTIONAL, Places.AS);
    case Word.WITH:
      return (
        colon > start + 1 && validTokenRun(tokens, start + 1, colon, Expect.OPERAND, Places.AS)
      );
    case Word.DEF:
    case Word.CLASS:
      return definitionHeader(tokens, start, colon, word === Word.DEF);
    case Word.IF:
    case Word.ELIF:
    case Word.WHILE:
      // A condition is one expression: `if a, b:` is a tuple, which Python refuses.
      if (topLevelCount(tokens, start, colon, Kind.COMMA) > 0) return false;
      return colon > start + 1 && validTokenRun(tokens, start + 1, colon, Expect.OPERAND);
    case Word.CASE:
      return (
        colon > start + 1 && validTokenRun(tokens, start + 1, colon, Expect.OPERAND, Places.PATTERN)
      );
    default:
      return colon > start + 1 && validTokenRun(tokens, start + 1, colon, Expect.OPERAND);
  }
}
