// Round-robin interleaving and zipping of several suspended generators held in an array queue.
const runtime = require('distribufy');
function* letters(s) {
  for (const ch of s) {
    runtime.checkpoint();
    yield ch;
  }
  return s.length;
}

function* roundRobin(...gens) {
  const queue = gens.map((g, i) => ({ g, i }));
  const lengths = [];
  while (queue.length) {
    const entry = queue.shift();
    const r = entry.g.next();
    if (r.done) {
      lengths[entry.i] = r.value;
      continue;
    }
    yield r.value;
    queue.push(entry);
  }
  return lengths;
}

function* zipLongest(fill, ...gens) {
  for (;;) {
    const rs = gens.map((g) => g.next());
    if (rs.every((r) => r.done)) return;
    runtime.checkpoint();
    yield rs.map((r) => (r.done ? fill : r.value));
  }
}

const rr = roundRobin(letters('ABC'), letters('de'), letters('FGHIJ'));
const mixed = [];
let step;
while (!(step = rr.next()).done) mixed.push(step.value);
console.log(mixed.join(''), 'lengths', step.value);

console.log(JSON.stringify([...zipLongest('_', letters('abc'), letters('12345'), letters('XY'))]));

// Unzip: split a generator of pairs into two lazy generators sharing a buffer.
function unzip(pairs) {
  const bufs = [[], []];
  function* side(k) {
    for (;;) {
      if (bufs[k].length) { yield bufs[k].shift(); continue; }
      const r = pairs.next();
      if (r.done) return;
      bufs[0].push(r.value[0]);
      bufs[1].push(r.value[1]);
    }
  }
  return [side(0), side(1), bufs];
}
function* pairs() {
  for (let i = 1; i <= 5; i++) {
    runtime.checkpoint();
    yield [i, i * i];
  }
}
const [xs, ys, bufs] = unzip(pairs());
console.log(xs.next().value, xs.next().value, xs.next().value, 'buffered squares', JSON.stringify(bufs[1]));
console.log([...ys].join(','), 'then xs', [...xs].join(','));

// Interleave with priorities: a weighted round robin.
function* weighted(entries) {
  const gens = entries.map(([w, g]) => ({ w, g, done: false }));
  while (gens.some((e) => !e.done)) {
    for (const e of gens) {
      for (let k = 0; k < e.w && !e.done; k++) {
        const r = e.g.next();
        if (r.done) e.done = true;
        else yield r.value;
      }
    }
  }
}
console.log([...weighted([[2, letters('aaaaa')], [1, letters('bbb')], [3, letters('cccccccc')]])].join(''));
