import type { PythonTokens } from "./python-tokens.js";

/** Appends tokens to growable typed arrays (see `PythonTokens`). */
export class TokenWriter {
  private count = 0;
  private kinds: Uint8Array;
  private words: Uint16Array;
  private starts: Int32Array;
  private ends: Int32Array;

  constructor(expected: number) {
    const capacity = 64 + expected;
    this.kinds = new Uint8Array(capacity);
    this.words = new Uint16Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  push(kind: number, word: number, start: number, end: number): void {
    if (this.count === this.kinds.length) this.grow();
    this.kinds[this.count] = kind;
    this.words[this.count] = word;
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }

  tokens(directiveComments: PythonTokens["directiveComments"]): PythonTokens {
    const { count, kinds, words, starts, ends } = this;
    return { count, kinds, words, starts, ends, directiveComments };
  }

  private grow(): void {
    const size = this.kinds.length * 2;
    const kinds = new Uint8Array(size);
    const words = new Uint16Array(size);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    kinds.set(this.kinds);
    words.set(this.words);
    starts.set(this.starts);
    ends.set(this.ends);
    this.kinds = kinds;
    this.words = words;
    this.starts = starts;
    this.ends = ends;
  }
}
