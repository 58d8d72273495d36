// Sleeping in a retry loop with a backoff, with state in closures and a Map.
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils').register(runtime, 'x');

function main() {
  const attempts = new Map();
  let delay = 10;
  const flaky = (name) => {
    const n = (attempts.get(name) || 0) + 1;
    attempts.set(name, n);
    if (n < 3) throw new Error(`${name} failed attempt ${n}`);
    return `${name} ok after ${n}`;
  };
  const results = [];
  for (const job of ['alpha', 'beta']) {
    for (;;) {
      try {
        results.push(flaky(job));
        break;
      } catch (e) {
        console.log(e.message, '- sleeping', delay);
        utils.sleep(delay);
        delay *= 2;
      }
    }
  }
  for (const r of results) console.log(r);
  console.log('final delay', delay);
  return { results, delay, attempts: [...attempts] };
}

module.exports = main;
