// Generator parameter defaults that call functions: evaluated at the call, before the first next(), in order.
const runtime = require('distribufy');
const order = [];
let evaluated = 0;
const note = (label, v) => { evaluated++; order.push(`default ${label}`); return v; };

function* withDefaults(a, b = note('b', a * 2), ...rest) {
  order.push('body start');
  yield a + b;
  runtime.checkpoint();
  yield rest.length;
  yield rest.join('-');
}

const g = withDefaults(5);
order.push('created, defaults evaluated: ' + evaluated);
order.push('first ' + g.next().value);
console.log([...g], [...withDefaults(1, 1, 'p', 'q')], 'evaluated', evaluated);

function* lazyErr(x = fail()) { order.push('never'); yield x; }
function fail() { throw new Error('default threw'); }
try {
  lazyErr();
  order.push('no error at call?');
} catch (e) {
  order.push('call threw: ' + e.message);
}

class Source {
  constructor(items) { this.items = items; }
  *slice(from = this.start(), to = this.items.length) {
    for (let i = from; i < to; i++) {
      runtime.checkpoint();
      yield this.items[i];
    }
  }
  start() { order.push('start() called'); return 1; }
}
const src = new Source(['a', 'b', 'c', 'd']);
const sl = src.slice();
order.push('slice created');
src.items.push('e');
console.log([...sl].join(''), [...src.slice(0, 2)].join(''));

const obj = {
  base: 10,
  *range(n = Math.min(this.base, 3), step = [1, 2].length) {
    for (let i = 0; i < n; i++) yield i * step;
  },
};
console.log([...obj.range()], [...obj.range(2, 5)]);
console.log(order.join('\n'));
