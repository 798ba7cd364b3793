/**
 * A map that keeps only its most recently used entries: a process-wide memo that cannot grow without bound
 * however varied its keys (text from requests, say). `remember(key, make)` answers the kept value, or makes,
 * keeps and answers it; past `capacity` the least recently used entry goes.
 */
export class Recent<K, V> {
  private readonly kept = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new Error(`A Recent map keeps at least one entry, not ${capacity}.`);
  }

  get size(): number {
    return this.kept.size;
  }

  remember(key: K, make: (key: K) => V): V {
    if (this.kept.has(key)) {
      const value = this.kept.get(key) as V;
      // Map keeps insertion order: moved to the end, it is the last to go.
      this.kept.delete(key);
      this.kept.set(key, value);
      return value;
    }
    const value = make(key);
    if (this.kept.size >= this.capacity) this.kept.delete(this.kept.keys().next().value as K);
    this.kept.set(key, value);
    return value;
  }
}
