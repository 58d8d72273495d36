// Realistic: a promise-based task scheduler with concurrency limit, priorities, retries, cancellation and a virtual clock.
class VirtualClock {
  constructor() {
    this.now = 0;
    this.timers = [];
    this.seq = 0;
  }
  sleep(ms) {
    return new Promise(res => {
      this.timers.push({ at: this.now + ms, seq: this.seq++, res });
    });
  }
  async run() {
    for (;;) {
      await new Promise(r => setImmediate(r));
      if (!this.timers.length) break;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const t = this.timers.shift();
      this.now = t.at;
      t.res();
    }
  }
}
class CancelledError extends Error {
  constructor(name) {
    super(`task ${name} cancelled`);
    this.name = "CancelledError";
  }
}
class Scheduler {
  constructor(clock, concurrency) {
    this.clock = clock;
    this.concurrency = concurrency;
    this.queue = [];
    this.running = 0;
    this.log = [];
    this.seq = 0;
  }
  submit(name, work, { priority = 0, retries = 0 } = {}) {
    let resolve, reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const task = {
      name,
      work,
      priority,
      retries,
      attempts: 0,
      resolve,
      reject,
      cancelled: false,
      seq: this.seq++,
    };
    this.queue.push(task);
    this.queue.sort((a, b) => b.priority - a.priority || a.seq - b.seq);
    this.log.push(`${this.clock.now}: queued ${name}`);
    queueMicrotask(() => this.#pump());
    return {
      promise,
      cancel: () => {
        if (!task.started) {
          task.cancelled = true;
          reject(new CancelledError(name));
        }
        return !task.started;
      },
    };
  }
  #pump() {
    while (this.running < this.concurrency && this.queue.length) {
      const task = this.queue.shift();
      if (task.cancelled) {
        this.log.push(`${this.clock.now}: skip ${task.name}`);
        continue;
      }
      task.started = true;
      this.running++;
      this.#execute(task).finally(() => {
        this.running--;
        this.#pump();
      });
    }
  }
  async #execute(task) {
    for (;;) {
      task.attempts++;
      this.log.push(`${this.clock.now}: start ${task.name}#${task.attempts}`);
      try {
        const result = await task.work(this.clock, task.attempts);
        this.log.push(`${this.clock.now}: done ${task.name} -> ${result}`);
        task.resolve(result);
        return;
      } catch (e) {
        this.log.push(`${this.clock.now}: fail ${task.name}#${task.attempts} (${e.message})`);
        if (task.attempts > task.retries) {
          task.reject(e);
          return;
        }
        await this.clock.sleep(5 * task.attempts);
      }
    }
  }
}
const clock = new VirtualClock();
const sched = new Scheduler(clock, 2);
const job = (ms, value) => async c => {
  await c.sleep(ms);
  return value;
};
const flaky = (failTimes, ms) => async (c, attempt) => {
  await c.sleep(ms);
  if (attempt <= failTimes) throw new Error("flaky attempt " + attempt);
  return "flaky ok";
};
const results = [];
const track = (name, p) =>
  p.then(
    v => results.push(`${name}=${v}`),
    e => results.push(`${name}!${e.name}:${e.message}`),
  );
track("A", sched.submit("A", job(30, "a")).promise);
track("B", sched.submit("B", job(10, "b")).promise);
track("C", sched.submit("C", job(5, "c"), { priority: 1 }).promise);
track("D", sched.submit("D", flaky(2, 4), { retries: 2 }).promise);
track("E", sched.submit("E", flaky(5, 1), { retries: 1 }).promise);
const f = sched.submit("F", job(1, "f"));
track("F", f.promise);
const g = sched.submit(
  "G",
  async c => {
    const [x, y] = await Promise.all([job(3, 1)(c), job(6, 2)(c)]);
    return x + y;
  },
  { priority: 5 },
);
track("G", g.promise);
results.push("cancel F: " + f.cancel());
(async () => {
  await clock.run();
  await new Promise(r => setImmediate(r));
  console.log(sched.log.join("\n"));
  console.log(results.join("\n"));
  console.log("final clock", clock.now, "cancel G after:", g.cancel());
})();
