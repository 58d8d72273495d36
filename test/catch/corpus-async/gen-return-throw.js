// Generator return() and throw() from outside: finally blocks, catch-and-continue, completed generators.
const runtime = require('distribufy');
const log = [];
function* worker(name) {
  log.push(name + ' start');
  try {
    let i = 0;
    while (true) {
      try {
        const cmd = yield `${name}:${i}`;
        runtime.checkpoint();
        if (cmd) log.push(`${name} got ${cmd}`);
        i++;
      } catch (e) {
        log.push(`${name} caught ${e.message}`);
        if (e.message === 'fatal') throw e;
        i += 100;
      }
    }
  } finally {
    log.push(name + ' cleanup');
  }
}

const a = worker('a');
console.log(a.next().value);
console.log(a.next('hello').value);
console.log(a.throw(new Error('soft')).value);
runtime.checkpoint();
console.log(a.next().value);
console.log(JSON.stringify(a.return('bye')));
console.log(JSON.stringify(a.next()));

const b = worker('b');
b.next();
try {
  b.throw(new Error('fatal'));
} catch (e) {
  console.log('propagated:', e.message);
}
console.log(JSON.stringify(b.next()));

// return() on a generator not yet started: body never runs.
const c = worker('c');
console.log(JSON.stringify(c.return(7)));
// throw() on a not-started generator throws right away.
const d = worker('d');
try { d.throw(new Error('early')); } catch (e) { console.log('early throw:', e.message); }

// return() intercepted by finally that yields more values.
function* stubborn() {
  try {
    yield 1;
    yield 2;
  } finally {
    runtime.checkpoint();
    yield 'finally-1';
    yield 'finally-2';
  }
}
const s = stubborn();
console.log(JSON.stringify([s.next(), s.return('X'), s.next(), s.next(), s.next()]));

// finally overriding the return value.
function* override() {
  try { yield 1; } finally { return 'from-finally'; }
}
const o = override();
o.next();
console.log(JSON.stringify(o.return('ignored')));

console.log(log.join('\n'));
