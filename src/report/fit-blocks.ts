/** A piece of a size-limited document: a heading and table header, rows, and what closes it. */
export interface Block {
  readonly id: string;
  readonly head: string;
  readonly rows: readonly string[];
  readonly tail: string;
  /** All or nothing: a diagram or a verdict cut in half says nothing. */
  readonly whole: boolean;
}

export interface FittedBlock {
  readonly id: string;
  readonly text: string;
  readonly shownRows: number;
  readonly totalRows: number;
}

/**
 * Fits blocks into `budget` characters, in the order given (most important first): whole blocks
 * go in entire or not at all, other blocks keep their head and as many leading rows as fit. Each
 * block costs one extra character for the newline that joins it to the next.
 */
export function fitBlocks(blocks: readonly Block[], budget: number): Map<string, FittedBlock> {
  const fitted = new Map<string, FittedBlock>();
  let left = budget;
  for (const block of blocks) {
    const result = block.whole ? fitWhole(block, left) : fitRows(block, left);
    fitted.set(block.id, result);
    if (result.text !== "") left -= result.text.length + 1;
  }
  return fitted;
}

function fitWhole(block: Block, left: number): FittedBlock {
  const text = block.head + block.rows.join("") + block.tail;
  const fits = text.length + 1 <= left;
  return {
    id: block.id,
    text: fits ? text : "",
    shownRows: fits ? block.rows.length : 0,
    totalRows: block.rows.length,
  };
}

function fitRows(block: Block, left: number): FittedBlock {
  let used = block.head.length + block.tail.length + 1;
  let shown = 0;
  for (const row of block.rows) {
    if (used + row.length > left) break;
    used += row.length;
    shown += 1;
  }
  const text = shown === 0 ? "" : block.head + block.rows.slice(0, shown).join("") + block.tail;
  return { id: block.id, text, shownRows: shown, totalRows: block.rows.length };
}
