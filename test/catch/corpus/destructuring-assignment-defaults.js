// Destructuring declarations and assignments whose defaults call functions
// that checkpoint; iterator destructuring of a custom iterable closes it.
const runtime = require('distribufy');

let defaults = 0;
function d(v) { defaults++; runtime.checkpoint(); return v; }

function main() {
  const { a = d('A'), b = d('B'), c: { e = d('E') } = {} } = { b: 'given' };
  let x, y, rest;
  [x = d('X'), y = d('Y'), ...rest] = [undefined, 2, 3, 4];
  const log = [];
  const iterable = {
    [Symbol.iterator]() {
      let i = 0;
      return {
        next() { log.push('next'); return { value: i++, done: false }; },
        return() { log.push('return'); return {}; },
      };
    },
  };
  const [p, q = d('never'), r] = iterable;
  let s, t;
  ({ s = d('S'), t } = { t: 'T' });
  console.log(JSON.stringify({ a, b, e, x, y, rest, p, q, r, s, t }));
  console.log('defaults', defaults, 'iterator', log.join(','));
  return { a, b, e, x, y, rest, p, q, r, s, t, defaults };
}

module.exports = main;
