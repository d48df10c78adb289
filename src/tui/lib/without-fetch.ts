/**
 * Runs `load` (the dynamic imports of Ink) with the global `fetch` hidden, and puts it back after.
 *
 * Why: Ink's layout engine, yoga-layout, ships its WebAssembly as a base64 `data:` URL and reads
 * it with `fetch()` whenever `fetch` exists. In Node, `fetch` is loaded on first use — all of
 * undici — which took 60-100 ms of the dashboard's first frame, plus an asynchronous round trip.
 * Without `fetch`, yoga decodes the same bytes itself (a few ms). Nothing else runs in between:
 * the dashboard imports Ink only after the corpus is loaded.
 *
 * The property is read by descriptor, never through its getter (reading it would load undici).
 */
export async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!descriptor?.configurable) return load();
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await load();
  } finally {
    Object.defineProperty(globalThis, 'fetch', descriptor);
  }
}
