// Realistic: binary-heap priority queue + Dijkstra shortest paths + path reconstruction on a generated grid graph.
class MinHeap {
  constructor(cmp = (a, b) => a - b) {
    this.items = [];
    this.cmp = cmp;
    this.pushes = 0;
  }
  get size() {
    return this.items.length;
  }
  push(x) {
    this.pushes++;
    const a = this.items;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.cmp(a[i], a[p]) >= 0) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  pop() {
    const a = this.items;
    if (!a.length) return undefined;
    const top = a[0],
      last = a.pop();
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1,
          r = l + 1;
        let m = i;
        if (l < a.length && this.cmp(a[l], a[m]) < 0) m = l;
        if (r < a.length && this.cmp(a[r], a[m]) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
  *drain() {
    while (this.size) yield this.pop();
  }
}
const h = new MinHeap();
[5, 3, 9, 1, 7, 1, 8, 2].forEach(x => h.push(x));
console.log([...h.drain()].join(","));
class Graph {
  constructor() {
    this.adj = new Map();
  }
  addEdge(u, v, w, directed = false) {
    if (!this.adj.has(u)) this.adj.set(u, []);
    if (!this.adj.has(v)) this.adj.set(v, []);
    this.adj.get(u).push({ to: v, w });
    if (!directed) this.adj.get(v).push({ to: u, w });
  }
  dijkstra(src) {
    const dist = new Map([[src, 0]]),
      prev = new Map();
    const pq = new MinHeap((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    pq.push([0, src]);
    const visited = new Set();
    let relaxations = 0;
    while (pq.size) {
      const [d, u] = pq.pop();
      if (visited.has(u)) continue;
      visited.add(u);
      for (const { to, w } of this.adj.get(u) || []) {
        const nd = d + w;
        if (nd < (dist.get(to) ?? Infinity)) {
          dist.set(to, nd);
          prev.set(to, u);
          pq.push([nd, to]);
          relaxations++;
        }
      }
    }
    return { dist, prev, relaxations, pushes: pq.pushes };
  }
  static path(prev, target) {
    const out = [target];
    while (prev.has(out[0])) out.unshift(prev.get(out[0]));
    return out;
  }
}
const g = new Graph();
const edges = "A-B:4 A-C:2 B-C:5 B-D:10 C-E:3 E-D:4 D-F:11 E-F:20 G-H:1";
for (const e of edges.split(" ")) {
  const [, u, v, w] = /^(\w)-(\w):(\d+)$/.exec(e);
  g.addEdge(u, v, +w);
}
const r = g.dijkstra("A");
for (const node of [...g.adj.keys()].sort()) {
  const d = r.dist.get(node);
  console.log(
    node,
    d === undefined ? "unreachable" : d,
    d === undefined ? "" : Graph.path(r.prev, node).join(">"),
  );
}
console.log("relaxations", r.relaxations, "pushes", r.pushes);
// Grid graph with pseudo-random weights.
let seed = 7;
const rnd = () => ((seed = (seed * 48271) % 2147483647) % 9) + 1;
const N = 30;
const grid = new Graph();
for (let y = 0; y < N; y++)
  for (let x = 0; x < N; x++) {
    if (x + 1 < N) grid.addEdge(`${x},${y}`, `${x + 1},${y}`, rnd(), true);
    if (y + 1 < N) grid.addEdge(`${x},${y}`, `${x},${y + 1}`, rnd(), true);
    if (x > 0 && y > 0 && (x * y) % 5 === 0) grid.addEdge(`${x},${y}`, `${x - 1},${y - 1}`, rnd(), true);
  }
const gr = grid.dijkstra("0,0");
const target = `${N - 1},${N - 1}`;
const p = Graph.path(gr.prev, target);
console.log(
  "grid dist",
  gr.dist.get(target),
  "path length",
  p.length,
  "first steps",
  p.slice(0, 5).join(" "),
  "reached",
  gr.dist.size,
);
const far = [...gr.dist].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
console.log(JSON.stringify(far));
// STRESS-EVERY: 50 (long-running: a capture at each of its function entries and loop iterations takes minutes)
