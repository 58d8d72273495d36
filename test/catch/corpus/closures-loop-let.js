// Closures created in a for loop with `let` each capture their own
// iteration's binding (0, 1, 2, not 3, 3, 3), also when the loop checkpoints
// between creating them and when they are called after resume.
const runtime = require('distribufy');

function main() {
  const fns = [];
  for (let i = 0; i < 3; i++) {
    fns.push(() => i);
    runtime.checkpoint();
    fns.push(() => i * 10);
  }
  const vars = [];
  for (var j = 0; j < 3; j++) {
    vars.push(() => j);
    runtime.checkpoint();
  }
  const mutated = [];
  for (let k = 0; k < 3; k++) {
    mutated.push(() => k);
    k += 0;
    runtime.checkpoint();
    mutated.push(() => ++k);
  }
  const lets = fns.map(f => f());
  console.log('let closures:', lets.join(','));
  console.log('var closures:', vars.map(f => f()).join(','));
  const m = mutated.map(f => f());
  console.log('mutating closures:', m.join(','));
  runtime.checkpoint();
  console.log('after resume:', fns.map(f => f()).join(','), mutated.map(f => f()).join(','));
  return { lets, vars: vars.map(f => f()), m };
}

module.exports = main;
