// The seed's closures.js pattern: three nested closures over x, y, z, each
// checkpointing before it mutates its variable; the mutations must be seen by
// every closure sharing the variable after resume.
const runtime = require('distribufy');
const assert = require('assert');

function main() {
  let x = 0;
  let y = 1;
  let z = 2;

  function foo() {
    runtime.checkpoint();
    x++;
    console.log('foo: x =', x);
    function bar() {
      runtime.checkpoint();
      y++;
      console.log('bar: y =', y);
      function baz() {
        runtime.checkpoint();
        z++;
        console.log('baz: z =', z);
        return x + y + z;
      }
      return { baz };
    }
    return { bar };
  }

  const o1 = foo();
  const o2 = o1.bar();
  const a = o2.baz();
  foo();
  const a2 = o2.baz();

  assert.equal(a, 6);
  assert.equal(x, 2);
  assert.equal(y, 2);
  assert.equal(z, 4);
  console.log('a =', a, 'a2 =', a2, 'x y z =', x, y, z);
  return { a, a2, x, y, z };
}

module.exports = main;
