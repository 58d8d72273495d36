// checkpoint-cost (b): about 1 MB of mixed heap (objects, arrays, strings,
// numbers, Maps, nesting, shared references) live across one checkpoint.
// bench/checkpoint-cost.js reads the heap through globalThis.__benchHeap to
// serialize the same value with v8.serialize.
const runtime = require('distribufy');
function mark(name) { if (globalThis.__benchMark) globalThis.__benchMark(name); }

function buildHeap(n) {
  const users = [];
  const byName = new Map();
  for (let i = 0; i < n; i++) {
    const u = {
      id: i, name: 'user-' + i, email: `u${i}@example.com`, score: i * 1.5, active: i % 3 === 0,
      tags: ['t' + (i % 7), 't' + (i % 11)],
      address: { city: 'City' + (i % 50), zip: 10000 + i, geo: [i / 7, -i / 13] },
    };
    users.push(u);
    byName.set(u.name, u); // shared with users
  }
  const squares = new Map();
  for (let i = 0; i < n; i++) squares.set(i, i * i);
  const matrix = [];
  for (let r = 0; r < 100; r++) {
    const row = [];
    for (let c = 0; c < 100; c++) row.push((r * c) / 3);
    matrix.push(row);
  }
  const log = [];
  for (let i = 0; i < n / 2; i++) log.push(`event ${i}: ${i % 2 ? 'open' : 'close'} by user-${i % 97}`);
  return { users, byName, squares, matrix, log, config: { nested: { deeper: { deepest: [1, 'two', { three: 3 }] } } } };
}

function checksum(h) {
  let s = 0;
  for (const u of h.users) s = (s * 31 + u.id + u.name.length + u.tags[1].length + u.address.zip + (u.active ? 1 : 0)) % 1000000007;
  for (const [k, v] of h.squares) s = (s + k + v) % 1000000007;
  for (const row of h.matrix) for (const x of row) s = (s + Math.floor(x)) % 1000000007;
  for (const line of h.log) s = (s + line.length) % 1000000007;
  return s + h.byName.size + (h.byName.get('user-5') === h.users[5] ? 1 : 0);
}

function main(params) {
  const heap = buildHeap(params.n || 5000);
  const before = checksum(heap);
  globalThis.__benchHeap = heap;
  mark('leaf');
  runtime.checkpoint();
  mark('resumed');
  const after = checksum(heap);
  return { same: before === after, checksum: after };
}

module.exports = main;
