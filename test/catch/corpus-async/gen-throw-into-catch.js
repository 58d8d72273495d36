// throw() into a generator caught inside it, with retries, error counters and rethrow after a limit.
const runtime = require('distribufy');
function* resilientReader(records) {
  let errors = 0;
  let i = 0;
  while (i < records.length) {
    try {
      runtime.checkpoint();
      yield records[i];
      i++;
    } catch (e) {
      errors++;
      console.log(`reader: error on record ${i} (${e.message}), errors=${errors}`);
      if (errors >= 3) throw new Error(`too many errors, last: ${e.message}`);
      if (e.skip) i++;
    }
  }
  return `read ${records.length} with ${errors} errors`;
}

class SkipError extends Error {
  constructor(msg) { super(msg); this.skip = true; }
}

const reader = resilientReader(['r0', 'bad1', 'r2', 'bad3', 'r4']);
let res = reader.next();
const accepted = [];
while (!res.done) {
  const rec = res.value;
  runtime.checkpoint();
  if (rec.startsWith('bad')) {
    res = reader.throw(new SkipError('malformed ' + rec));
  } else {
    accepted.push(rec);
    res = reader.next();
  }
}
console.log('accepted', accepted.join(','), '|', res.value);

// Exceeding the limit: the third throw escapes.
const r2 = resilientReader(['a', 'b']);
r2.next();
try {
  r2.throw(new Error('e1'));
  r2.throw(new Error('e2'));
  runtime.checkpoint();
  r2.throw(new Error('e3'));
} catch (e) {
  console.log('escaped:', e.message);
}
console.log('after escape', JSON.stringify(r2.next()));

// throw() while suspended in yield* inside try: the delegate does not catch, outer does.
function* plain() { yield 'p1'; yield 'p2'; }
function* guarded() {
  try {
    yield* plain();
  } catch (e) {
    yield 'guarded caught ' + e;
  }
  yield 'after';
}
const gd = guarded();
console.log(gd.next().value, gd.throw('X').value, gd.next().value, gd.next().done);

// Thrown values that are not errors.
function* anything() {
  for (;;) {
    try { yield; } catch (v) { console.log('got thrown', typeof v, JSON.stringify(v)); }
  }
}
const an = anything();
an.next();
for (const v of [42, 'str', { code: 7 }, null, [1, 2]]) an.throw(v);
console.log(JSON.stringify(an.return('end')));
