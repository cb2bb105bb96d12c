/**
 * A bounded map that forgets the least recently used entry. Cached graphs and scans never change
 * (keyed by commit or blob SHA), so a long-running worker keeps the hot ones decoded in memory and
 * only goes to disk or Redis for the rest.
 */
export class MemoryLru<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) return;
      this.entries.delete(oldest);
    }
  }
}
