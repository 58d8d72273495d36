// Generator-heavy: cooperative tasks as generators driven by a round-robin
// scheduler with next(value) two-way communication and try/finally.
'use strict';
function* worker(id, steps, log) {
  let acc = id;
  try {
    for (let i = 0; i < steps; i++) {
      const got = yield acc;
      acc = (acc * 31 + (got | 0) + i) % 1000003;
    }
  } finally {
    log.push(acc);
  }
  return acc;
}
function schedule(n, steps) {
  const log = [];
  const tasks = [];
  for (let i = 0; i < n; i++) tasks.push(worker(i, steps, log));
  let sent = 0, done = 0;
  const results = new Array(n).fill(0);
  for (const t of tasks) t.next();
  while (done < n) {
    for (let i = 0; i < n; i++) {
      const t = tasks[i];
      if (t === null) continue;
      const r = t.next(sent);
      if (r.done) { results[i] = r.value; tasks[i] = null; done++; } else sent = r.value & 255;
    }
  }
  return results.reduce((a, b) => (a + b) % 1000003, 0) + log.length;
}
let out = 0;
for (let round = 0; round < 10; round++) out = (out + schedule(100, 2000)) % 1000003;
console.log('checksum', out);
