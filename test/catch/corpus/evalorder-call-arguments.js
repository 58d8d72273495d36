// Checkpoints while evaluating call arguments, spread arguments, `new`
// arguments and method receivers: the callee and receiver chosen before the
// checkpoint are the ones called after it.
const runtime = require('distribufy');

const log = [];
function arg(v) { log.push('arg ' + v); runtime.checkpoint(); return v; }
function sum(...xs) { runtime.checkpoint(); return xs.reduce((a, b) => a + b, 0); }
class P { constructor(a, b) { this.a = a; this.b = b; } }

function main() {
  let target = { name: 'first', m(v) { return this.name + ':' + v; } };
  const r1 = target.m(arg((target = { name: 'second', m() { return 'wrong'; } }, 1)));
  let fn = sum;
  const r2 = fn(arg(1), (fn = null, arg(2)), ...[arg(3), arg(4)]);
  const p = new P(arg('x'), arg('y'));
  const nested = sum(sum(arg(1), arg(2)), sum(arg(3)));
  const opt = target?.m?.(arg('o'));
  console.log(r1, r2, JSON.stringify(p), nested, opt);
  console.log(log.join(', '));
  return { r1, r2, nested, opt };
}

module.exports = main;
