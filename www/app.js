// The demo page: loads the WebAssembly, mounts the search box, and registers the service worker
// that keeps the page searchable offline.
import init, { mount, stats } from './pkg/sondhan.js';

const BENGALI_DIGITS = '০১২৩৪৫৬৭৮৯';
const bengali = (n) => String(n).replace(/[0-9]/g, (d) => BENGALI_DIGITS[d]);

async function start() {
  const host = document.getElementById('search');
  try {
    await init();
    host.replaceChildren();
    mount(host, { placeholder: 'খুঁজুন: পুতিন, কোরিয়া, চুক্তি…' });
    host.querySelector('input')?.focus();

    const s = stats();
    document.getElementById('about').textContent =
      `${bengali(s.documents)}টি লেখা, ${bengali(s.terms)}টি শব্দ · ` +
      `${s.documents} articles, ${s.terms} words, a ${Math.round(s.bytes / 1024)} KB index inside the WebAssembly.`;
  } catch (error) {
    const message = document.createElement('p');
    message.className = 'error';
    message.textContent = `সন্ধান চালু করা গেল না (sondhan could not start): ${error}`;
    host.replaceChildren(message);
    throw error;
  }
}

// The page requires Trusted Types (see its CSP), so the worker's url goes through a policy that
// allows exactly that one script.
const workerUrl = globalThis.trustedTypes
  ? trustedTypes.createPolicy('sondhan-worker', {
      createScriptURL: (url) => {
        if (url !== './sw.js') throw new TypeError(`not the sondhan worker: ${url}`);
        return url;
      },
    }).createScriptURL('./sw.js')
  : './sw.js';

async function cacheForOffline() {
  if (!('serviceWorker' in navigator)) return;
  try {
    await navigator.serviceWorker.register(workerUrl);
  } catch (error) {
    // The page still works online; only offline use is lost.
    console.warn('sondhan: offline cache unavailable:', error);
  }
}

cacheForOffline();
start();
