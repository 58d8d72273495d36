// Mutual recursion (isEven/isOdd, and a small recursive-descent parser) with
// checkpoints on the way down and on the way up.
const runtime = require('distribufy');

function isEven(n) {
  if (n === 0) return true;
  if (n % 50 === 0) runtime.checkpoint();
  return isOdd(n - 1);
}
function isOdd(n) {
  if (n === 0) return false;
  const r = isEven(n - 1);
  if (n % 75 === 0) runtime.checkpoint();
  return r;
}

// expr := term ('+' term)* ; term := factor ('*' factor)* ; factor := num | '(' expr ')'
function parse(src) {
  let pos = 0;
  function expr() {
    let v = term();
    while (src[pos] === '+') { pos++; runtime.checkpoint(); v += term(); }
    return v;
  }
  function term() {
    let v = factor();
    while (src[pos] === '*') { pos++; v *= factor(); }
    return v;
  }
  function factor() {
    if (src[pos] === '(') {
      pos++;
      const v = expr();
      runtime.checkpoint();
      pos++;
      return v;
    }
    let s = '';
    while (/[0-9]/.test(src[pos] || '')) s += src[pos++];
    return Number(s);
  }
  return expr();
}

function main() {
  const out = [];
  for (const n of [0, 7, 150, 301, 1000]) {
    out.push([n, isEven(n), isOdd(n)]);
    console.log(n, isEven(n) ? 'even' : 'odd');
  }
  const exprs = ['1+2*3', '(1+2)*3', '((2+3)*(4+5))+6*(7+(8*9))'];
  const values = exprs.map(parse);
  exprs.forEach((e, i) => console.log(e, '=', values[i]));
  return { out, values };
}

module.exports = main;
