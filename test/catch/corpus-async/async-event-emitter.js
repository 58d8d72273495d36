// An async event emitter: listeners are async functions awaited in order (emitSerial) or together (emitParallel).
const runtime = require('distribufy');
class AsyncEmitter {
  constructor() { this.listeners = new Map(); }
  on(evt, fn) {
    if (!this.listeners.has(evt)) this.listeners.set(evt, []);
    this.listeners.get(evt).push(fn);
    return () => this.off(evt, fn);
  }
  off(evt, fn) {
    const ls = this.listeners.get(evt) || [];
    const i = ls.indexOf(fn);
    if (i >= 0) ls.splice(i, 1);
  }
  once(evt, fn) {
    const off = this.on(evt, async (...args) => { off(); return fn(...args); });
  }
  async emitSerial(evt, payload) {
    const out = [];
    for (const fn of [...(this.listeners.get(evt) || [])]) {
      runtime.checkpoint();
      out.push(await fn(payload));
    }
    return out;
  }
  emitParallel(evt, payload) {
    return Promise.all((this.listeners.get(evt) || []).slice().map((fn) => fn(payload)));
  }
  waitFor(evt) {
    return new Promise((resolve) => this.once(evt, resolve));
  }
}

const trace = [];
const bus = new AsyncEmitter();
const hop = async (n) => { for (let i = 0; i < n; i++) await null; };

bus.on('order', async (o) => { trace.push(`audit start ${o.id}`); await hop(3); trace.push(`audit end ${o.id}`); return 'audited'; });
const offEmail = bus.on('order', async (o) => { trace.push(`email ${o.id}`); await hop(1); runtime.checkpoint(); return 'emailed'; });
bus.once('order', async (o) => { trace.push(`first-order bonus ${o.id}`); return 'bonus'; });
bus.on('order', (o) => `sync listener ${o.total}`);

async function main() {
  console.log('serial', JSON.stringify(await bus.emitSerial('order', { id: 1, total: 10 })));
  console.log(trace.splice(0).join(' | '));
  console.log('parallel', JSON.stringify(await bus.emitParallel('order', { id: 2, total: 20 })));
  console.log(trace.splice(0).join(' | '));
  offEmail();
  const waiting = bus.waitFor('shutdown');
  trace.push('waiting for shutdown');
  await hop(2);
  await bus.emitSerial('shutdown', { reason: 'done' });
  const reason = await waiting;
  runtime.checkpoint();
  trace.push('shutdown reason ' + reason.reason);
  console.log('after off', JSON.stringify(await bus.emitParallel('order', { id: 3, total: 30 })));
  console.log(trace.join(' | '));
  console.log('listeners left', [...bus.listeners].map(([k, v]) => `${k}:${v.length}`).join(' '));
}

main();
