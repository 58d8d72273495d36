// A concurrency-limited worker pool over async jobs: at most N in flight, results in input order, trace of interleaving.
const runtime = require('distribufy');
const trace = [];
async function job(id, cost) {
  trace.push(`start ${id}`);
  let acc = id;
  for (let i = 0; i < cost; i++) {
    await null;
    acc = (acc * 7 + i) % 97;
    if (i === 1) runtime.checkpoint();
  }
  trace.push(`end ${id}`);
  if (cost === 0) throw new Error(`job ${id} has no work`);
  return acc;
}

async function pool(tasks, limit) {
  const results = new Array(tasks.length);
  let next = 0;
  let active = 0;
  let maxActive = 0;
  async function worker(wid) {
    while (next < tasks.length) {
      const i = next++;
      active++;
      maxActive = Math.max(maxActive, active);
      runtime.checkpoint();
      try {
        results[i] = { ok: true, value: await tasks[i]() };
      } catch (e) {
        results[i] = { ok: false, error: e.message };
      }
      active--;
      trace.push(`w${wid} did ${i}`);
    }
  }
  await Promise.all(Array.from({ length: limit }, (_, w) => worker(w)));
  return { results, maxActive };
}

async function main() {
  const costs = [3, 1, 4, 1, 5, 0, 2, 6];
  const tasks = costs.map((c, i) => () => job(i, c));
  const { results, maxActive } = await pool(tasks, 3);
  runtime.checkpoint();
  console.log('max active', maxActive);
  results.forEach((r, i) => console.log(i, r.ok ? `value ${r.value}` : `error ${r.error}`));
  console.log(trace.join(', '));

  trace.length = 0;
  const serial = await pool(costs.slice(0, 4).map((c, i) => () => job(10 + i, c)), 1);
  console.log('serial', serial.maxActive, serial.results.map((r) => r.value).join(' '));
  console.log(trace.join(', '));
}

main();
