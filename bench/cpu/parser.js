// Parser-bound: a tokenizer and recursive-descent parser/evaluator for
// arithmetic, the kind of code real compilers and interpreters are.
'use strict';
function tokenize(src) {
  const out = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ') { i++; continue; }
    if (c >= '0' && c <= '9') { let j = i; while (j < src.length && src[j] >= '0' && src[j] <= '9') j++; out.push({ t: 'num', v: +src.slice(i, j) }); i = j; continue; }
    if (c >= 'a' && c <= 'z') { let j = i; while (j < src.length && src[j] >= 'a' && src[j] <= 'z') j++; out.push({ t: 'id', v: src.slice(i, j) }); i = j; continue; }
    out.push({ t: c, v: c }); i++;
  }
  out.push({ t: 'eof' });
  return out;
}
class Parser {
  constructor(tokens, env) { this.tokens = tokens; this.pos = 0; this.env = env; }
  peek() { return this.tokens[this.pos].t; }
  next() { return this.tokens[this.pos++]; }
  expr() { let v = this.term(); while (this.peek() === '+' || this.peek() === '-') { const op = this.next().t; const r = this.term(); v = op === '+' ? v + r : v - r; } return v; }
  term() { let v = this.factor(); while (this.peek() === '*' || this.peek() === '/' || this.peek() === '%') { const op = this.next().t; const r = this.factor(); v = op === '*' ? v * r : op === '/' ? (r === 0 ? 0 : Math.trunc(v / r)) : (r === 0 ? 0 : v % r); } return v; }
  factor() {
    const tok = this.next();
    switch (tok.t) {
      case 'num': return tok.v;
      case 'id': if (this.peek() === '(') { this.next(); const args = []; while (this.peek() !== ')') { args.push(this.expr()); if (this.peek() === ',') this.next(); } this.next(); return this.env[tok.v](...args); } return this.env[tok.v];
      case '(': { const v = this.expr(); this.next(); return v; }
      case '-': return -this.factor();
      default: throw new SyntaxError('unexpected ' + tok.t);
    }
  }
}
const env = { x: 7, y: 3, max: Math.max, min: Math.min, sq: (a) => a * a };
const programs = ['1 + 2 * 3', '(x + y) * (x - y) % 11', 'max(x, y, sq(4)) - min(2, 3)', '-(4 + x) * sq(y) / 2', '((((1))))+x*y*x*y'];
let total = 0;
for (let i = 0; i < 60000; i++) {
  const src = programs[i % programs.length] + ' + ' + (i % 97);
  total = (total + new Parser(tokenize(src), env).expr()) | 0;
}
console.log(total);
