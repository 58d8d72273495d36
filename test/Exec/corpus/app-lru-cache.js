// Realistic: LRU cache (Map-based and doubly-linked-list based) with TTL on a fake clock, stats, and iteration.
class FakeClock {
  constructor() {
    this.t = 0;
  }
  now() {
    return this.t;
  }
  advance(ms) {
    this.t += ms;
  }
}
class MapLRU {
  constructor(capacity) {
    this.capacity = capacity;
    this.map = new Map();
    this.evicted = [];
  }
  get(k) {
    if (!this.map.has(k)) return undefined;
    const v = this.map.get(k);
    this.map.delete(k);
    this.map.set(k, v);
    return v;
  }
  set(k, v) {
    if (this.map.has(k)) this.map.delete(k);
    else if (this.map.size >= this.capacity) {
      const oldest = this.map.keys().next().value;
      this.map.delete(oldest);
      this.evicted.push(oldest);
    }
    this.map.set(k, v);
    return this;
  }
  keys() {
    return [...this.map.keys()];
  }
}
class Node {
  constructor(key, value, expires) {
    this.key = key;
    this.value = value;
    this.expires = expires;
    this.prev = this.next = null;
  }
}
class LinkedLRU {
  #head = new Node();
  #tail = new Node();
  #index = new Map();
  constructor(capacity, { ttl = Infinity, clock, onEvict = () => {} } = {}) {
    this.capacity = capacity;
    this.ttl = ttl;
    this.clock = clock;
    this.onEvict = onEvict;
    this.#head.next = this.#tail;
    this.#tail.prev = this.#head;
    this.stats = { hits: 0, misses: 0, expired: 0, evictions: 0 };
  }
  #unlink(n) {
    n.prev.next = n.next;
    n.next.prev = n.prev;
  }
  #pushFront(n) {
    n.next = this.#head.next;
    n.prev = this.#head;
    this.#head.next.prev = n;
    this.#head.next = n;
  }
  get size() {
    return this.#index.size;
  }
  get(key) {
    const n = this.#index.get(key);
    if (!n) {
      this.stats.misses++;
      return undefined;
    }
    if (n.expires <= this.clock.now()) {
      this.#remove(n, "expired");
      this.stats.expired++;
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    this.#unlink(n);
    this.#pushFront(n);
    return n.value;
  }
  set(key, value, ttl = this.ttl) {
    let n = this.#index.get(key);
    if (n) {
      n.value = value;
      n.expires = this.clock.now() + ttl;
      this.#unlink(n);
      this.#pushFront(n);
      return this;
    }
    if (this.#index.size >= this.capacity) {
      this.#remove(this.#tail.prev, "capacity");
      this.stats.evictions++;
    }
    n = new Node(key, value, this.clock.now() + ttl);
    this.#index.set(key, n);
    this.#pushFront(n);
    return this;
  }
  #remove(n, reason) {
    this.#unlink(n);
    this.#index.delete(n.key);
    this.onEvict(n.key, n.value, reason);
  }
  delete(key) {
    const n = this.#index.get(key);
    if (!n) return false;
    this.#remove(n, "deleted");
    return true;
  }
  *[Symbol.iterator]() {
    for (let n = this.#head.next; n !== this.#tail; n = n.next) yield [n.key, n.value];
  }
  *reversed() {
    for (let n = this.#tail.prev; n !== this.#head; n = n.prev) yield n.key;
  }
  prune() {
    let c = 0;
    for (const [k] of [...this]) {
      const n = this.#index.get(k);
      if (n.expires <= this.clock.now()) {
        this.#remove(n, "pruned");
        c++;
      }
    }
    return c;
  }
}
const m = new MapLRU(3);
m.set("a", 1).set("b", 2).set("c", 3);
m.get("a");
m.set("d", 4).set("e", 5);
m.set("a", 10);
console.log(m.keys().join(), m.evicted.join(), m.get("b"), m.get("a"));
const clock = new FakeClock();
const events = [];
const lru = new LinkedLRU(4, { ttl: 100, clock, onEvict: (k, v, why) => events.push(`${k}:${why}`) });
for (const k of ["x", "y", "z", "w"]) {
  lru.set(k, k.toUpperCase());
  clock.advance(10);
}
lru.get("x");
lru.set("v", "V", 1000);
console.log(JSON.stringify([...lru]), [...lru.reversed()].join(""), lru.size);
clock.advance(75);
console.log(lru.get("z"), lru.get("w"), lru.get("v"), lru.get("nope"));
clock.advance(20);
console.log(lru.prune(), JSON.stringify([...lru]), lru.delete("v"), lru.delete("v"));
console.log(events.join(" "), JSON.stringify(lru.stats));
const fibCache = new LinkedLRU(50, { clock });
function fib(n) {
  if (n < 2) return n;
  const c = fibCache.get(n);
  if (c !== undefined) return c;
  const v = fib(n - 1) + fib(n - 2);
  fibCache.set(n, v);
  return v;
}
console.log(fib(80), JSON.stringify(fibCache.stats), fibCache.size);
let ops = 0;
const big = new LinkedLRU(100, { clock });
for (let i = 0; i < 5000; i++) {
  const k = Math.floor(((Math.imul(i, 2654435761) >>> 0) / 2 ** 32) * 150);
  if (big.get(k) === undefined) {
    big.set(k, i);
    ops++;
  }
}
console.log(
  ops,
  JSON.stringify(big.stats),
  [...big]
    .slice(0, 3)
    .map(([k]) => k)
    .join(),
);
