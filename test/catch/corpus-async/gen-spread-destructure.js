// Generators as sources of spread, array destructuring (with rest/defaults), Array.from, Map/Set constructors.
const runtime = require('distribufy');
let pulled = 0;
function* count(from, to) {
  try {
    for (let i = from; i <= to; i++) {
      pulled++;
      runtime.checkpoint();
      yield i;
    }
  } finally {
    console.log(`count(${from},${to}) closed after ${pulled} pulls`);
  }
}

const arr = [...count(1, 5)];
console.log('spread', arr);

pulled = 0;
const [a, b, , d] = count(10, 20);
console.log('destructure', a, b, d, 'pulled', pulled);

pulled = 0;
const [x, ...rest] = count(1, 4);
console.log('rest', x, rest);

pulled = 0;
const [p = 'def-p', q = 'def-q', r = 'def-r'] = count(7, 8);
console.log('defaults', p, q, r);

function sum(...nums) {
  runtime.checkpoint();
  return nums.reduce((s, n) => s + n, 0);
}
console.log('call spread', sum(...count(1, 10)));

function* pairs() {
  yield ['one', 1];
  runtime.checkpoint();
  yield ['two', 2];
  yield ['three', 3];
}
const m = new Map(pairs());
console.log('map', JSON.stringify([...m]));
const s = new Set(count(3, 6));
console.log('set', [...s].join('|'));
const obj = Object.fromEntries(pairs());
console.log('fromEntries', JSON.stringify(obj));
console.log('Array.from mapped', Array.from(count(1, 3), (v, i) => v * 10 + i));

// Destructuring in for-of heads over generators of objects.
function* people() {
  yield { name: 'Ada', langs: ['en', 'fr'] };
  yield { name: 'Grace', langs: ['en'] };
  runtime.checkpoint();
  yield { name: 'Linus', langs: ['fi', 'sv', 'en'] };
}
for (const { name, langs: [first, ...others] } of people()) {
  runtime.checkpoint();
  console.log(name, first, others.length);
}

// Nested destructuring where the inner source is a generator too.
function* nested() {
  yield count(100, 102);
  yield count(200, 201);
}
const [[n1, n2], [m1]] = nested();
console.log('nested', n1, n2, m1);

// Swapping via destructuring from a generator that reads current values.
let left = 'L', right = 'R';
function* swap() { yield right; yield left; }
[left, right] = swap();
console.log('swapped', left, right);
