// Several async loops running concurrently with different await patterns, recording a global interleaving.
const runtime = require('distribufy');
const timeline = [];
async function ping(n) {
  for (let i = 0; i < n; i++) {
    timeline.push(`ping${i}`);
    await null;
  }
}
async function pong(n) {
  for (let i = 0; i < n; i++) {
    runtime.checkpoint();
    await Promise.resolve();
    timeline.push(`pong${i}`);
  }
}
async function slowpoke(n) {
  for (let i = 0; i < n; i++) {
    await new Promise((r) => queueMicrotask(r)); // resolved one tick later
    timeline.push(`slow${i}`);
    runtime.checkpoint();
  }
}
async function viaThen(n) {
  let p = Promise.resolve();
  for (let i = 0; i < n; i++) p = p.then(() => timeline.push(`then${i}`));
  await p;
  timeline.push('then-done');
}
async function awaitsAsync(n) {
  const inner = async (i) => { timeline.push(`inner${i}`); return i; };
  for (let i = 0; i < n; i++) {
    await inner(i);
    timeline.push(`outer${i}`);
  }
}

async function main() {
  await Promise.all([ping(4), pong(4), slowpoke(3), viaThen(4), awaitsAsync(3)]);
  runtime.checkpoint();
  for (let i = 0; i < timeline.length; i += 8) console.log(timeline.slice(i, i + 8).join(' '));

  // A generator-driven loop interleaved with an async loop.
  timeline.length = 0;
  function* steps() { for (let i = 0; i < 4; i++) { runtime.checkpoint(); yield i; } }
  const viaGen = (async () => { for (const s of steps()) { timeline.push(`gen${s}`); await null; } })();
  const plain = (async () => { for (let i = 0; i < 4; i++) { await null; timeline.push(`loop${i}`); } })();
  await Promise.all([viaGen, plain]);
  console.log(timeline.join(' '));
}

main();
