// Async generators parked in a Map and a class field while other async work runs; resumed later in a different order.
const runtime = require('distribufy');
async function* feed(name, items) {
  let i = 0;
  for (const item of items) {
    await null;
    runtime.checkpoint();
    const ack = yield `${name}:${item}`;
    if (ack === 'skip') i++;
    i++;
  }
  return `${name} consumed ${i}`;
}

class Inbox {
  constructor() { this.sources = new Map(); this.received = []; }
  attach(name, gen) { this.sources.set(name, gen); }
  async pull(name, ack) {
    const g = this.sources.get(name);
    const r = await g.next(ack);
    runtime.checkpoint();
    if (r.done) {
      this.sources.delete(name);
      this.received.push(`<${r.value}>`);
    } else {
      this.received.push(r.value);
    }
    return !r.done;
  }
}

async function unrelatedWork(n) {
  let h = 17;
  for (let i = 0; i < n; i++) {
    await null;
    h = (h * 131 + i) % 65521;
    if (i % 4 === 0) runtime.checkpoint();
  }
  return h;
}

async function main() {
  const inbox = new Inbox();
  inbox.attach('news', feed('news', ['a', 'b', 'c']));
  inbox.attach('mail', feed('mail', ['m1', 'm2']));
  inbox.attach('chat', feed('chat', ['hi', 'yo', 'ok', 'bye']));

  await inbox.pull('news');
  await inbox.pull('chat');
  console.log('work', await unrelatedWork(10));
  await inbox.pull('chat', 'skip');
  await inbox.pull('mail');
  console.log('sources', [...inbox.sources.keys()].join(','));
  console.log('work', await unrelatedWork(5));

  // Round-robin until every source is drained.
  while (inbox.sources.size) {
    for (const name of [...inbox.sources.keys()]) {
      await inbox.pull(name);
    }
    runtime.checkpoint();
  }
  console.log(inbox.received.join(' '));

  // A generator object shared between two holders, advanced concurrently.
  const shared = feed('shared', [1, 2, 3, 4]);
  const holders = [{ g: shared }, { g: shared }];
  const results = await Promise.all(holders.map((h) => h.g.next()).concat(holders.map((h) => h.g.next())));
  console.log(JSON.stringify(results.map((r) => r.value)));
  console.log(JSON.stringify(await shared.next()));
}

main();
