/** Anything that knows how many of its units of work are running now. */
export interface RunningUnits {
  readonly active: number;
}

/**
 * `store` as CoreDeps should hold it: usable outside units of work, an error inside any of them.
 * The fakes would happily answer, but on PGlite (one connection) a query through a store that is
 * not the unit's waits for the unit's transaction, which waits for it: the request hangs forever.
 */
export function guardOutsideUnits<S extends object>(
  store: S,
  name: string,
  units: readonly RunningUnits[],
): S {
  return new Proxy(store, {
    get: (target, property, receiver) => {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (units.some((unit) => unit.active > 0)) {
          throw new Error(
            `deps.${name}.${String(property)} was called inside a unit of work: use the store the unit gives (on PGlite this deadlocks)`,
          );
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
