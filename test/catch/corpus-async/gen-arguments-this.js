// `this`, `arguments`, default and rest parameters inside generator bodies, read lazily on first next().
const runtime = require('distribufy');
function* args() {
  runtime.checkpoint();
  yield arguments.length;
  for (let i = 0; i < arguments.length; i++) yield arguments[i];
}
console.log([...args('a', 'b', 'c')]);

function* sloppyAlias(a, b) {
  yield [a, arguments[0]];
  arguments[0] = 'changed';
  runtime.checkpoint();
  yield [a, arguments[0]];
  b = 'B2';
  yield [b, arguments[1]];
}
console.log(JSON.stringify([...sloppyAlias('x', 'y')]));

function* withDefaults(a, b = a * 2, ...rest) {
  yield a + b;
  yield rest.length;
  runtime.checkpoint();
  yield rest.join('-');
}
console.log([...withDefaults(5)], [...withDefaults(1, 1, 'p', 'q')]);

const obj = {
  name: 'obj',
  *items() {
    yield this.name;
    const inner = () => this.name + '-arrow';
    runtime.checkpoint();
    yield inner();
    yield (function () { return this === undefined ? 'fn-undefined' : 'fn-global'; })();
  },
};
console.log([...obj.items()]);
console.log([...obj.items.call({ name: 'other' })]);

// Generator as a method whose this changes between calls: each generator keeps its own this.
const g1 = obj.items();
const g2 = obj.items.call({ name: 'second' });
console.log(g1.next().value, g2.next().value);
obj.name = 'renamed';
runtime.checkpoint();
console.log(g1.next().value, g2.next().value);

// Destructured parameters in generators.
function* fields({ id, tags = [] }, [first, ...others] = []) {
  yield id;
  yield* tags;
  yield first;
  yield others.length;
}
console.log(JSON.stringify([...fields({ id: 7, tags: ['t1', 't2'] }, 'xyz')]));
console.log(JSON.stringify([...fields({ id: 8 })]));
