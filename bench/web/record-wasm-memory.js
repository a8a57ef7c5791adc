// WebAssembly linear memory is in no JS heap figure (neither CDP's nor
// performance.measureUserAgentSpecificMemory's), and Pagefind keeps its instance inside a web
// worker. So every instance's exported memory is recorded, in the page and in the workers the
// engines start (wasm-memory.js starts them through this script). Measurement only: the engines'
// code and requests are unchanged.
//
// A classic script, because it runs in classic workers too: loaded as
// `record-wasm-memory.js?src=<the engine's worker script>`, it records, answers the page's
// question about memory before the engine's own listener sees it, then runs the real script.

/** Records the memory of every instance `scope`'s WebAssembly creates. */
function recordWasmMemories(scope) {
  const memories = [];
  const keep = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    for (const value of Object.values(instance.exports)) {
      if (value instanceof WebAssembly.Memory) memories.push(value);
    }
    return result;
  };
  const { instantiate, instantiateStreaming } = WebAssembly;
  WebAssembly.instantiate = (...args) => instantiate.apply(WebAssembly, args).then(keep);
  WebAssembly.instantiateStreaming = (...args) => instantiateStreaming.apply(WebAssembly, args).then(keep);
  scope.wasmMemoryBytes = () => memories.reduce((sum, memory) => sum + memory.buffer.byteLength, 0);
}

const WASM_MEMORY_QUESTION = '__benchWasmMemory';

if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  const src = new URL(self.location.href).searchParams.get('src');
  recordWasmMemories(self);
  self.addEventListener('message', (event) => {
    if (event.data?.[WASM_MEMORY_QUESTION]) {
      event.stopImmediatePropagation();
      self.postMessage({ [WASM_MEMORY_QUESTION]: self.wasmMemoryBytes() });
    }
  });
  importScripts(src);
} else {
  recordWasmMemories(globalThis);
}
