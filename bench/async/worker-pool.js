// Concurrency-heavy: a pool of async workers draining a shared queue, with
// a semaphore made of promises and queueMicrotask hand-offs.
'use strict';
function semaphore(n) {
  let free = n;
  const waiting = [];
  return {
    async take() { if (free > 0) { free--; return; } await new Promise((r) => waiting.push(r)); },
    give() { const w = waiting.shift(); if (w) queueMicrotask(w); else free++; },
  };
}
async function worker(queue, sem, out) {
  while (queue.length > 0) {
    const job = queue.pop();
    await sem.take();
    try {
      await null;
      out.push((job * 7) % 11);
    } finally {
      sem.give();
    }
  }
}
module.exports = async function main() {
  let total = 0;
  for (let round = 0; round < 20; round++) {
    const queue = Array.from({ length: 2000 }, (_, i) => i + round);
    const out = [];
    const sem = semaphore(3);
    await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map(() => worker(queue, sem, out)));
    total += out.reduce((a, b) => a + b, 0);
  }
  console.log('total', total);
};
