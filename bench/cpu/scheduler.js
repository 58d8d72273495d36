// Object-oriented: a task scheduler with a class hierarchy, virtual calls,
// queues and getters (in the spirit of the Richards benchmark).
'use strict';
class Packet {
  constructor(link, id, kind) { this.link = link; this.id = id; this.kind = kind; this.a1 = 0; this.a2 = new Array(4).fill(0); }
  append(queue) { this.link = null; if (queue === null) return this; let p = queue; while (p.link !== null) p = p.link; p.link = this; return queue; }
}
class Task {
  constructor(scheduler, id, priority, queue) { this.scheduler = scheduler; this.id = id; this.priority = priority; this.queue = queue; this.held = false; this.waiting = queue !== null; this.runs = 0; }
  get runnable() { return !this.held && (this.queue !== null || !this.waiting); }
  take() { const p = this.queue; this.queue = p.link; this.waiting = this.queue !== null; return p; }
  run() { throw new Error('abstract'); }
}
class Idle extends Task {
  constructor(s, id, count) { super(s, id, 0, null); this.v1 = 1; this.count = count; }
  run() {
    this.runs++;
    if (--this.count === 0) return null;
    if ((this.v1 & 1) === 0) { this.v1 >>= 1; return this.scheduler.release(4); }
    this.v1 = (this.v1 >> 1) ^ 0xd008; return this.scheduler.release(5);
  }
}
class Worker extends Task {
  constructor(s, id, queue) { super(s, id, 1000, queue); this.dest = 2; this.count = 0; }
  run() {
    this.runs++;
    if (this.queue === null) { this.waiting = true; return null; }
    const p = this.take();
    this.dest = this.dest === 2 ? 3 : 2;
    p.id = this.dest; p.a1 = 0;
    for (let i = 0; i < 4; i++) { this.count = this.count + 1 > 26 ? 1 : this.count + 1; p.a2[i] = this.count; }
    return this.scheduler.queue(p);
  }
}
class Handler extends Task {
  constructor(s, id, queue) { super(s, id, 2000 + id, queue); this.pending = null; }
  run() {
    this.runs++;
    if (this.queue !== null) { const p = this.take(); this.pending = p.append(this.pending); }
    if (this.pending !== null) { const p = this.pending; this.pending = p.link; p.id = 4 + (this.runs % 2); return this.scheduler.queue(p); }
    this.waiting = true; return null;
  }
}
class Device extends Task {
  constructor(s, id) { super(s, id, 4000 + id, null); this.pkt = null; }
  run() {
    this.runs++;
    if (this.pkt === null) { this.held = true; return null; }
    const p = this.pkt; this.pkt = null; p.id = 2 + (this.runs % 2); return this.scheduler.queue(p);
  }
}
class Scheduler {
  constructor() { this.tasks = new Map(); this.queueCount = 0; this.holdCount = 0; }
  add(t) { this.tasks.set(t.id, t); return t; }
  release(id) { const t = this.tasks.get(id); t.held = false; if (t instanceof Device && t.pkt === null) t.pkt = new Packet(null, id, 1); return t; }
  queue(p) { const t = this.tasks.get(p.id); if (t === undefined) return null; this.queueCount++; p.link = null; t.queue = p.append(t.queue); t.waiting = false; return t; }
  schedule() {
    const order = [...this.tasks.values()].sort((a, b) => b.priority - a.priority);
    let steps = 0;
    for (;;) {
      let ran = false;
      for (const t of order) {
        if (!t.runnable) continue;
        ran = true; steps++;
        if (t.run() === null && t instanceof Idle && t.count === 0) return steps;
      }
      if (!ran) return steps;
    }
  }
}
let total = 0;
for (let round = 0; round < 3; round++) {
  const s = new Scheduler();
  s.add(new Idle(s, 1, 10000));
  let q = new Packet(null, 0, 1); q = new Packet(q, 0, 1);
  s.add(new Worker(s, 2, q));
  q = new Packet(null, 4, 0); q = new Packet(q, 4, 0); q = new Packet(q, 4, 0);
  s.add(new Handler(s, 3, q));
  q = new Packet(null, 5, 0); q = new Packet(q, 5, 0); q = new Packet(q, 5, 0);
  s.add(new Handler(s, 6, q));
  s.add(new Device(s, 4)); s.add(new Device(s, 5));
  total += s.schedule() + s.queueCount;
}
console.log(total);
