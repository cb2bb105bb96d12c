/**
 * Bytes by name, for the graph cache's packs. Stores may forget anything at any time (eviction,
 * TTL, a restart, a network failure): a failed read is a miss and a failed write is dropped, never
 * an error, because a cache must not be able to fail a review.
 */
export interface CacheStore {
  read(name: string): Promise<Buffer | undefined>;
  write(name: string, value: Buffer): Promise<void>;
  close(): Promise<void>;
}
