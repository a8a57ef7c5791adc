// The page's side of record-wasm-memory.js (loaded by index.html before anything else): routes
// the engines' classic workers through it, and adds up the wasm memory of the page and workers.

const QUESTION = '__benchWasmMemory';
const workers = [];

/** From now on, every classic worker runs record-wasm-memory.js before its own script. */
export function watchWorkers() {
  const Original = globalThis.Worker;
  globalThis.Worker = class extends Original {
    constructor(url, options) {
      if (options?.type === 'module') {
        super(url, options);
        return;
      }
      const src = new URL(url, location.href).href;
      super(new URL(`record-wasm-memory.js?src=${encodeURIComponent(src)}`, location.href), options);
      workers.push(this);
    }
  };
}

/** Bytes of wasm linear memory, in the page and in its workers. */
export async function wasmMemoryBytes() {
  const answers = workers.map(
    (worker) =>
      new Promise((resolve) => {
        const listen = (event) => {
          if (event.data?.[QUESTION] === undefined) return;
          worker.removeEventListener('message', listen);
          resolve(event.data[QUESTION]);
        };
        worker.addEventListener('message', listen);
        worker.postMessage({ [QUESTION]: true });
      }),
  );
  const inWorkers = (await Promise.all(answers)).reduce((a, b) => a + b, 0);
  return { page: globalThis.wasmMemoryBytes(), workers: inWorkers };
}
