// try/finally inside generators under break, return, and nested finally ordering with checkpoints.
const runtime = require('distribufy');
const events = [];
function* resource(name, n) {
  events.push(`open ${name}`);
  try {
    for (let i = 0; i < n; i++) {
      try {
        yield `${name}${i}`;
      } finally {
        runtime.checkpoint();
        events.push(`release ${name}${i}`);
      }
    }
    return `${name} exhausted`;
  } finally {
    events.push(`close ${name}`);
  }
}

for (const x of resource('r', 5)) {
  events.push(`use ${x}`);
  if (x === 'r2') break;
}

function firstMatching(pred) {
  for (const x of resource('q', 4)) {
    runtime.checkpoint();
    if (pred(x)) return x;
  }
  return null;
}
events.push('found ' + firstMatching((x) => x.endsWith('1')));

try {
  for (const x of resource('t', 3)) {
    if (x === 't1') throw new Error('boom at ' + x);
  }
} catch (e) {
  events.push('caught ' + e.message);
}

const g = resource('m', 2);
const r1 = g.next(), r2 = g.next(), r3 = g.next();
events.push(JSON.stringify([r1, r2, r3]));

// Nested generators: closing the outer closes the inner delegate.
function* outer() {
  try {
    yield* resource('inner', 3);
  } finally {
    events.push('outer finally');
  }
}
const o = outer();
o.next();
o.next();
runtime.checkpoint();
events.push(JSON.stringify(o.return('early')));

console.log(events.join('\n'));
