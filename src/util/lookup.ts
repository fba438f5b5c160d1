/** A read-only lookup by string key: a Map, or a table looked up in place (shared-people.ts). */
export interface Lookup<V> {
  get(key: string): V | undefined;
  has(key: string): boolean;
}
