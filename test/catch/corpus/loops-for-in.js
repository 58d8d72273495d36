// for-in with a checkpoint in the body: the remaining keys are visited in
// the same order, keys deleted before being reached are skipped, inherited
// enumerable keys come last.
const runtime = require('distribufy');

function main() {
  const proto = { inherited1: 'p1', inherited2: 'p2' };
  const o = Object.create(proto);
  o.b = 1; o.a = 2; o[2] = 'two'; o[1] = 'one'; o.z = 3; o.del = 'gone?';
  Object.defineProperty(o, 'hidden', { value: 'h', enumerable: false });
  const seen = [];
  for (const k in o) {
    runtime.checkpoint();
    seen.push(k);
    if (k === 'a') delete o.del;
    console.log('key', k, '=', o[k]);
  }
  console.log('visited', seen.join(','));
  const arr = ['x', 'y', 'z'];
  arr.extra = 'e';
  let s = '';
  for (var i in arr) { s += i + ':' + arr[i] + ' '; runtime.checkpoint(); }
  console.log(s.trim(), 'last i', i);
  outer: for (const k in { p: 1, q: 2, r: 3 }) {
    for (const m in { u: 1, v: 2 }) {
      runtime.checkpoint();
      if (m === 'v') continue outer;
      console.log('pair', k, m);
    }
  }
  return seen;
}

module.exports = main;
