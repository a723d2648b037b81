/**
 * An entry of a lookup table by a name a request carries. Only the table's own entries count: a
 * name such as "constructor" or "__proto__" (which button ids, Slack callback ids and typed
 * command arguments can carry) must not reach Object.prototype and run, say, `Object` as a handler.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}
