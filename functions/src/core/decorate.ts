/**
 * `inner` with some methods replaced or added: every other property reads through to `inner`,
 * its methods bound to it, so that a decorator (a cache, a fallback) stays correct when the
 * interface grows. Plain TypeScript.
 */
export function decorate<T extends object, M extends object>(inner: T, methods: M): T & M {
  return new Proxy(inner, {
    get(target, property) {
      if (Object.hasOwn(methods, property)) return methods[property as keyof M];
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as T & M;
}
