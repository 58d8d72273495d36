// Control-flow heavy: loops with break/continue/labels, switch, and hashes
// with compound bitwise assignment.
'use strict';
function sieve(limit) {
  const composite = new Uint8Array(limit + 1);
  const primes = [];
  outer: for (let i = 2; i <= limit; i++) {
    if (composite[i]) continue;
    primes.push(i);
    for (let j = i * i; j <= limit; j += i) {
      if (j > limit) break outer;
      composite[j] = 1;
    }
  }
  return primes;
}
function fnv(str) {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) { h ^= str.charCodeAt(i); h = Math.imul(h, 16777619); h >>>= 0; }
  return h;
}
let acc = 0;
for (let round = 0; round < 12; round++) {
  const ps = sieve(400000);
  for (const p of ps) {
    switch (p % 4) {
      case 1: acc += 1; break;
      case 3: acc -= 1; break;
      default: acc += 2;
    }
  }
  acc ^= fnv(String(ps[ps.length - 1]) + round);
  acc |= 0;
}
console.log(acc);
