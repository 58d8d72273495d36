// A round-robin cooperative scheduler of generator tasks with sleep/send/recv messages; tasks suspended in a queue.
const runtime = require('distribufy');
class Scheduler {
  constructor() {
    this.ready = [];
    this.tick = 0;
    this.sleeping = [];
    this.mailboxes = new Map();
    this.waiting = new Map();
    this.log = [];
  }
  spawn(name, genFn, ...args) {
    const task = { name, gen: genFn(...args), input: undefined };
    this.mailboxes.set(name, []);
    this.ready.push(task);
  }
  run() {
    while (this.ready.length || this.sleeping.length) {
      if (!this.ready.length) {
        this.sleeping.sort((a, b) => a.until - b.until || a.seq - b.seq);
        const s = this.sleeping.shift();
        this.tick = s.until;
        this.ready.push(s.task);
        continue;
      }
      const task = this.ready.shift();
      runtime.checkpoint();
      const { value, done } = task.gen.next(task.input);
      task.input = undefined;
      if (done) { this.log.push(`[${this.tick}] ${task.name} finished -> ${value}`); continue; }
      this.handle(task, value);
    }
  }
  handle(task, req) {
    switch (req.op) {
      case 'yield': this.ready.push(task); break;
      case 'sleep': this.sleeping.push({ task, until: this.tick + req.ticks, seq: this.log.length + this.sleeping.length }); break;
      case 'send': {
        const waiter = this.waiting.get(req.to);
        if (waiter) { this.waiting.delete(req.to); waiter.input = req.msg; this.ready.push(waiter); }
        else this.mailboxes.get(req.to).push(req.msg);
        this.ready.push(task);
        break;
      }
      case 'recv': {
        const box = this.mailboxes.get(task.name);
        if (box.length) { task.input = box.shift(); this.ready.push(task); }
        else this.waiting.set(task.name, task);
        break;
      }
      case 'log': this.log.push(`[${this.tick}] ${task.name}: ${req.text}`); this.ready.push(task); break;
    }
  }
}

function* producer(n, to) {
  for (let i = 1; i <= n; i++) {
    yield { op: 'log', text: `produce ${i}` };
    runtime.checkpoint();
    yield { op: 'send', to, msg: i * i };
    yield { op: 'sleep', ticks: 2 };
  }
  yield { op: 'send', to, msg: null };
  return 'produced ' + n;
}

function* consumer() {
  let total = 0;
  for (;;) {
    const msg = yield { op: 'recv' };
    if (msg === null) break;
    total += msg;
    yield { op: 'log', text: `consumed ${msg}, total ${total}` };
  }
  return total;
}

function* ticker(k) {
  for (let i = 0; i < k; i++) {
    yield { op: 'log', text: 'tick ' + i };
    yield { op: 'sleep', ticks: 3 };
  }
  return 'ticked';
}

const sched = new Scheduler();
sched.spawn('cons', consumer);
sched.spawn('prod', producer, 4, 'cons');
sched.spawn('tick', ticker, 3);
sched.run();
console.log(sched.log.join('\n'));
console.log('final tick', sched.tick);
