// Realistic: a spreadsheet engine with formula parsing, dependency graph, topological recalculation, cycle detection and error values.
class CellError {
  constructor(code) {
    this.code = code;
  }
  toString() {
    return "#" + this.code;
  }
}
class Sheet {
  constructor() {
    this.cells = new Map();
    this.values = new Map();
    this.deps = new Map();
    this.rdeps = new Map();
    this.evalCount = 0;
  }
  set(ref, input) {
    this.cells.set(ref, input);
    for (const d of this.deps.get(ref) || []) this.rdeps.get(d)?.delete(ref);
    const refs = typeof input === "string" && input.startsWith("=") ? this.refsIn(input.slice(1)) : [];
    this.deps.set(ref, new Set(refs));
    for (const d of refs) {
      if (!this.rdeps.has(d)) this.rdeps.set(d, new Set());
      this.rdeps.get(d).add(ref);
    }
    return this.recalc(ref);
  }
  refsIn(expr) {
    const out = new Set();
    expr
      .replace(/([A-Z])(\d+):([A-Z])(\d+)/g, (m, c1, r1, c2, r2) => {
        for (const ref of this.range(c1, +r1, c2, +r2)) out.add(ref);
        return "";
      })
      .replace(/\b([A-Z]\d+)\b/g, (m, ref) => {
        out.add(ref);
        return m;
      });
    return [...out];
  }
  *range(c1, r1, c2, r2) {
    for (let c = c1.charCodeAt(0); c <= c2.charCodeAt(0); c++)
      for (let r = r1; r <= r2; r++) yield String.fromCharCode(c) + r;
  }
  affected(start) {
    const order = [],
      state = new Map();
    const visit = (ref, path) => {
      if (state.get(ref) === "done") return;
      if (state.get(ref) === "active") throw Object.assign(new Error("cycle"), { path: [...path, ref] });
      state.set(ref, "active");
      for (const r of [...(this.rdeps.get(ref) || [])].sort()) visit(r, [...path, ref]);
      state.set(ref, "done");
      order.push(ref);
    };
    visit(start, []);
    return order.reverse();
  }
  recalc(start) {
    let order;
    try {
      order = this.affected(start);
    } catch (e) {
      const cyc = new Set(e.path.slice(e.path.indexOf(e.path[e.path.length - 1])));
      for (const r of cyc) this.values.set(r, new CellError("CYCLE"));
      return `cycle ${e.path.join("->")}`;
    }
    for (const ref of order) this.values.set(ref, this.evaluate(ref));
    return order.join(",");
  }
  evaluate(ref) {
    this.evalCount++;
    const input = this.cells.get(ref);
    if (input === undefined) return 0;
    if (typeof input === "number") return input;
    if (!input.startsWith("=")) return /^-?\d+(\.\d+)?$/.test(input) ? Number(input) : input;
    try {
      return this.evalExpr(input.slice(1));
    } catch (e) {
      return e instanceof CellError ? e : new CellError("ERR:" + e.name);
    }
  }
  value(ref) {
    const v = this.values.get(ref);
    if (v instanceof CellError) throw v;
    return v ?? 0;
  }
  evalExpr(expr) {
    const fns = {
      SUM: (...xs) => xs.flat().reduce((a, b) => a + b, 0),
      AVG: (...xs) => {
        const f = xs.flat();
        if (!f.length) throw new CellError("DIV0");
        return fns.SUM(f) / f.length;
      },
      MAX: (...xs) => Math.max(...xs.flat()),
      IF: (c, a, b) => (c ? a : b),
      CONCAT: (...xs) => xs.flat().join(""),
    };
    const js = expr
      .replace(
        /([A-Z])(\d+):([A-Z])(\d+)/g,
        (m, c1, r1, c2, r2) => `[${[...this.range(c1, +r1, c2, +r2)].map(r => `v("${r}")`).join(",")}]`,
      )
      .replace(/\b([A-Z]+)\(/g, (m, name) => {
        if (!(name in fns)) throw new CellError("NAME?");
        return `fns.${name}(`;
      })
      .replace(/(?<![."\w])([A-Z]\d+)\b/g, 'v("$1")');
    const v = ref => this.value(ref);
    const r = new Function("v", "fns", `"use strict"; return (${js});`)(v, fns);
    if (typeof r === "number" && !Number.isFinite(r)) throw new CellError("DIV0");
    return r;
  }
  show(refs) {
    return refs.map(r => `${r}=${String(this.values.get(r) ?? "")}`).join(" ");
  }
}
const s = new Sheet();
const all = ["A1", "A2", "A3", "B1", "B2", "B3", "C1", "C2"];
const steps = [
  ["A1", 10],
  ["A2", 20],
  ["A3", "=A1+A2"],
  ["B1", "=SUM(A1:A3)"],
  ["B2", "=AVG(A1:A3)*2"],
  ["B3", '=IF(B1>50, "big", "small")'],
  ["A1", 40],
  ["C1", "=A3/(A2-20)"],
  ["C2", "=NOPE(1)"],
  ["A2", 25],
  ["A1", "=B1"],
  ["A1", 1],
  ["C2", '=CONCAT(A1:A2, "-", B3)'],
  ["A2", "text"],
];
for (const [ref, input] of steps)
  console.log(
    `${ref} := ${JSON.stringify(input)}`.padEnd(30),
    "recalc:",
    s.set(ref, input),
    "|",
    s.show(all),
  );
console.log("evaluations", s.evalCount, "rdeps of A1:", [...(s.rdeps.get("A1") || [])].sort().join());
