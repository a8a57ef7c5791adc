// The search box, as the npm README's Hugo recipe puts it on every page (a file, not an inline
// script, so that a strict Content-Security-Policy allows it).
import init, { mount } from '/sondhan/sondhan.js';
await init();
mount('#search', { placeholder: 'খুঁজুন…' });
