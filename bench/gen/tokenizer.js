// Generator-heavy: a lexer as a generator over a string and a parser that
// pulls tokens from it with manual next() calls.
'use strict';
function* tokens(src) {
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ') { i++; continue; }
    if (c >= '0' && c <= '9') {
      let j = i;
      while (j < src.length && src[j] >= '0' && src[j] <= '9') j++;
      yield { t: 'num', v: Number(src.slice(i, j)) };
      i = j;
    } else {
      yield { t: c };
      i++;
    }
  }
  yield { t: 'eof' };
}
function evaluate(src) {
  const it = tokens(src);
  let tok = it.next().value;
  const next = () => { tok = it.next().value; };
  function expr() { let v = term(); while (tok.t === '+' || tok.t === '-') { const op = tok.t; next(); const r = term(); v = op === '+' ? v + r : v - r; } return v; }
  function term() { let v = atom(); while (tok.t === '*') { next(); v = (v * atom()) % 1000003; } return v; }
  function atom() { if (tok.t === '(') { next(); const v = expr(); next(); return v; } const v = tok.v; next(); return v; }
  return expr();
}
const parts = [];
for (let i = 0; i < 400; i++) parts.push(`(${i} + ${i * 7}) * ${i % 13} - ${i}`);
const src = parts.join(' + ');
let r = 0;
for (let round = 0; round < 60; round++) r = (r + evaluate(src)) % 1000003;
console.log('value', r);
