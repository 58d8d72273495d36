// Temporal dead zone errors for let, const, class; typeof in TDZ also throws.
function tryIt(label, fn) {
  try { console.log(label, fn()); } catch (e) { console.log(label, e.name); }
}
tryIt("let before", () => { const r = a; let a = 1; return r; });
tryIt("const before", () => { b; const b = 2; });
tryIt("typeof tdz", () => { const t = typeof c; let c; return t; });
tryIt("typeof undeclared", () => typeof notDeclaredAnywhere);
tryIt("class before", () => { new K(); class K {} });
tryIt("closure called early", () => { const get = () => d; const r = get(); let d = 4; return r; });
tryIt("closure called late", () => { const get = () => d; let d = 4; return get(); });
tryIt("self reference", () => { let e = e + 1; return e; });
tryIt("default param tdz", () => (function (x = y, y = 1) { return x; })());
tryIt("default param ok", () => (function (x = 1, y = x + 1) { return y; })());
tryIt("switch tdz", () => { switch (1) { case 0: let q = 1; case 1: return q; } });
tryIt("for-of head tdz", () => { let z = [1]; for (let z of z) {} });
tryIt("const assign", () => { const w = 1; w = 2; });
