// Realistic: an event emitter (on/once/off/wildcard/error events) driving a deterministic queue simulation.
class Emitter {
  #handlers = new Map();
  on(evt, fn) {
    if (!this.#handlers.has(evt)) this.#handlers.set(evt, []);
    this.#handlers.get(evt).push({ fn, once: false });
    return () => this.off(evt, fn);
  }
  once(evt, fn) {
    this.on(evt, fn);
    this.#handlers.get(evt).at(-1).once = true;
    return this;
  }
  off(evt, fn) {
    const hs = this.#handlers.get(evt);
    if (!hs) return false;
    const i = hs.findIndex(h => h.fn === fn);
    if (i >= 0) hs.splice(i, 1);
    return i >= 0;
  }
  emit(evt, ...args) {
    const hs = [
      ...(this.#handlers.get(evt) || []),
      ...(evt !== "*" ? (this.#handlers.get("*") || []).map(h => ({ ...h, wildcard: true })) : []),
    ];
    if (evt === "error" && hs.length === 0)
      throw args[0] instanceof Error ? args[0] : new Error("unhandled error event");
    for (const h of hs) {
      if (h.once) this.off(evt, h.fn);
      try {
        h.wildcard ? h.fn.call(this, evt, ...args) : h.fn.apply(this, args);
      } catch (e) {
        if (evt === "error") throw e;
        this.emit("error", e, evt);
      }
    }
    return hs.length > 0;
  }
  listenerCount(evt) {
    return (this.#handlers.get(evt) || []).length;
  }
}
// Deterministic LCG so the "random" arrivals are reproducible.
function lcg(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}
class Bank extends Emitter {
  constructor(tellers, rand) {
    super();
    this.clock = 0;
    this.queue = [];
    this.rand = rand;
    this.tellers = Array.from({ length: tellers }, (_, i) => ({ id: i, busyUntil: 0, served: 0 }));
    this.stats = { arrived: 0, served: 0, totalWait: 0, maxQueue: 0, balked: 0 };
  }
  tick() {
    this.clock++;
    if (this.rand() < 0.6) {
      const c = { id: ++this.stats.arrived, arrivedAt: this.clock, work: 1 + Math.floor(this.rand() * 4) };
      if (this.queue.length >= 5) {
        this.stats.balked++;
        this.emit("balk", c);
      } else {
        this.queue.push(c);
        this.emit("arrive", c);
      }
    }
    for (const t of this.tellers) {
      if (t.busyUntil <= this.clock && this.queue.length) {
        const c = this.queue.shift();
        t.busyUntil = this.clock + c.work;
        t.served++;
        this.stats.served++;
        this.stats.totalWait += this.clock - c.arrivedAt;
        this.emit("serve", c, t);
      }
    }
    this.stats.maxQueue = Math.max(this.stats.maxQueue, this.queue.length);
    this.emit("tick", this.clock);
  }
}
const bank = new Bank(1, lcg(42));
const timeline = [];
bank.on("arrive", c => timeline.push(`t${bank.clock}:+${c.id}`));
bank.on("serve", (c, t) => timeline.push(`t${bank.clock}:T${t.id}<-${c.id}(${c.work})`));
bank.on("balk", function (c) {
  timeline.push(`t${this.clock}:balk${c.id}`);
});
bank.once("serve", c => timeline.push("first service to " + c.id));
let wildcardCount = 0;
bank.on("*", evt => {
  if (evt !== "tick") wildcardCount++;
});
const errors = [];
bank.on("error", (e, src) => errors.push(`${src}: ${e.message}`));
const bomb = c => {
  if (c.id % 7 === 0) throw new Error("customer " + c.id + " exploded");
};
bank.on("arrive", bomb);
const stopLogging = bank.on("tick", n => {
  if (n === 25) stopLogging();
});
for (let i = 0; i < 40; i++) bank.tick();
console.log(timeline.join(" "));
console.log(JSON.stringify(bank.stats), "avg wait", (bank.stats.totalWait / bank.stats.served).toFixed(3));
console.log(
  bank.tellers.map(t => `T${t.id}:${t.served}`).join(" "),
  "wildcard",
  wildcardCount,
  "tick listeners",
  bank.listenerCount("tick"),
);
console.log(errors.join(" | "));
const bare = new Emitter();
try {
  bare.emit("error", new TypeError("nobody listening"));
} catch (e) {
  console.log("thrown:", e.name, e.message);
}
console.log(
  bare.emit("nothing"),
  bare.off("nothing", () => {}),
);
