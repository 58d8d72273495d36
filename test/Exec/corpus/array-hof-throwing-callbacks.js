// Exceptions thrown from callbacks of map/forEach/reduce/sort/find propagate through the native frames.
function attempt(label, fn) { try { console.log(label, fn()); } catch (e) { console.log(label, "threw", e.name, e.message); } }
const visited = [];
attempt("map", () => [1, 2, 3].map(v => { visited.push(v); if (v === 2) throw new Error("map@2"); return v; }));
console.log("visited", visited.join());
attempt("forEach", () => [1, 2].forEach(() => { throw new TypeError("fe"); }));
attempt("reduce", () => [1, 2, 3].reduce((a, v) => { if (v === 3) throw new RangeError("red"); return a + v; }));
attempt("reduce empty", () => [].reduce((a, v) => a + v));
attempt("sort", () => [3, 1, 2].sort(() => { throw new Error("cmp"); }));
attempt("find", () => [1, 2].find(v => v.missing.prop));
attempt("every", () => [1].every(function () { return this.x.y; }));
attempt("from", () => Array.from({ length: 3 }, (_, i) => { if (i === 2) throw new Error("from@2"); return i; }));
attempt("nested", () => [[1], [2]].flatMap(inner => inner.map(v => { if (v === 2) throw new Error("deep"); return v; })));
attempt("recovered", () => [1, 2, 3].map(v => { try { if (v === 2) throw 0; return v; } catch { return -v; } }).join());
