// String-bound: building, splitting, scanning characters, templates, maps
// keyed by strings.
'use strict';
const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa'];
function sentence(i) { return `${words[i % 10]} ${words[(i * 7) % 10]} ${words[(i * 3) % 10]} #${i}`; }
let counts = new Map();
let checksum = 0;
for (let i = 0; i < 300000; i++) {
  const s = sentence(i);
  for (const w of s.split(' ')) counts.set(w, (counts.get(w) || 0) + 1);
  for (let k = 0; k < s.length; k++) checksum = (checksum * 31 + s.charCodeAt(k)) | 0;
  if (i % 1000 === 0) checksum ^= s.toUpperCase().replace(/A/g, 'a').length;
}
const top = [...counts.entries()].filter(([w]) => !w.startsWith('#')).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
console.log(checksum, JSON.stringify(top));
