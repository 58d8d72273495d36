// A tokenizer and recursive-descent parser driven by generators; a checkpoint at each token.
const runtime = require('distribufy');
function* tokenize(src) {
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (/[0-9]/.test(c)) {
      let j = i;
      while (j < src.length && /[0-9.]/.test(src[j])) j++;
      yield { type: 'num', value: Number(src.slice(i, j)) };
      i = j;
    } else if (/[a-z]/i.test(c)) {
      let j = i;
      while (j < src.length && /[a-z0-9_]/i.test(src[j])) j++;
      yield { type: 'id', value: src.slice(i, j) };
      i = j;
    } else {
      yield { type: 'op', value: c };
      i++;
    }
    runtime.checkpoint();
  }
  yield { type: 'eof' };
}

class Parser {
  constructor(src) { this.tokens = tokenize(src); this.advance(); }
  advance() { this.tok = this.tokens.next().value; }
  expect(v) { if (this.tok.value !== v) throw new SyntaxError(`expected ${v}, got ${this.tok.value ?? this.tok.type}`); this.advance(); }
  expr() {
    let left = this.term();
    while (this.tok.value === '+' || this.tok.value === '-') {
      const op = this.tok.value; this.advance();
      left = { op, left, right: this.term() };
    }
    return left;
  }
  term() {
    let left = this.factor();
    while (this.tok.value === '*' || this.tok.value === '/') {
      const op = this.tok.value; this.advance();
      runtime.checkpoint();
      left = { op, left, right: this.factor() };
    }
    return left;
  }
  factor() {
    const t = this.tok;
    if (t.type === 'num') { this.advance(); return t.value; }
    if (t.type === 'id') {
      this.advance();
      if (this.tok.value === '(') { this.advance(); const arg = this.expr(); this.expect(')'); return { call: t.value, arg }; }
      return { ref: t.value };
    }
    if (t.value === '(') { this.advance(); const e = this.expr(); this.expect(')'); return e; }
    if (t.value === '-') { this.advance(); return { op: 'neg', arg: this.factor() }; }
    throw new SyntaxError('unexpected ' + (t.value ?? t.type));
  }
}

function evaluate(ast, env) {
  if (typeof ast === 'number') return ast;
  if (ast.ref) return env[ast.ref];
  if (ast.call) return env[ast.call](evaluate(ast.arg, env));
  if (ast.op === 'neg') return -evaluate(ast.arg, env);
  const l = evaluate(ast.left, env), r = evaluate(ast.right, env);
  return { '+': l + r, '-': l - r, '*': l * r, '/': l / r }[ast.op];
}

const env = { x: 3, y: 4, sq: (v) => v * v, half: (v) => v / 2 };
for (const src of ['1 + 2 * 3', '(1 + 2) * 3', 'sq(x) + sq(y)', '-half(10) * (2 - y)', '2 * (3', '4 + * 5']) {
  try {
    const ast = new Parser(src).expr();
    console.log(src, '=>', JSON.stringify(ast), '=', evaluate(ast, env));
  } catch (e) {
    console.log(src, '=>', e.name, e.message);
  }
}
console.log([...tokenize('a1 + 22.5*b')].map((t) => t.value ?? '<eof>').join(' '));
