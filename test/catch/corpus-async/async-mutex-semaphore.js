// A promise-based mutex and semaphore guarding a shared account against interleaved async read-modify-write.
const runtime = require('distribufy');
class Mutex {
  constructor() { this.tail = Promise.resolve(); this.waits = 0; }
  lock() {
    let release;
    const next = new Promise((r) => { release = r; });
    const ready = this.tail.then(() => release);
    this.tail = next;
    this.waits++;
    return ready;
  }
}

class Semaphore {
  constructor(n) { this.free = n; this.queue = []; }
  async acquire() {
    if (this.free > 0) { this.free--; return; }
    await new Promise((r) => this.queue.push(r));
  }
  release() {
    const next = this.queue.shift();
    if (next) next();
    else this.free++;
  }
}

const account = { balance: 100 };
const hop = async () => { await null; };

async function unsafeDeposit(amount) {
  const b = account.balance;
  await hop();
  runtime.checkpoint();
  account.balance = b + amount;
}

const mutex = new Mutex();
async function safeDeposit(amount, trace) {
  const release = await mutex.lock();
  try {
    trace.push(`in ${amount}`);
    const b = account.balance;
    await hop();
    runtime.checkpoint();
    account.balance = b + amount;
    trace.push(`out ${amount}`);
  } finally {
    release();
  }
}

async function main() {
  await Promise.all([10, 20, 30].map(unsafeDeposit));
  console.log('unsafe balance (lost updates)', account.balance);
  account.balance = 100;
  const trace = [];
  await Promise.all([10, 20, 30].map((a) => safeDeposit(a, trace)));
  console.log('safe balance', account.balance, 'waits', mutex.waits);
  console.log(trace.join(' '));

  const sem = new Semaphore(2);
  let inside = 0;
  let peak = 0;
  const order = [];
  await Promise.all(['a', 'b', 'c', 'd', 'e'].map(async (name, i) => {
    await sem.acquire();
    inside++;
    peak = Math.max(peak, inside);
    order.push(`+${name}`);
    for (let k = 0; k < (i % 3) + 1; k++) await hop();
    runtime.checkpoint();
    order.push(`-${name}`);
    inside--;
    sem.release();
  }));
  console.log('semaphore peak', peak, 'free', sem.free);
  console.log(order.join(' '));
}

main();
