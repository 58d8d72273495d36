// Rethrowing, wrapping with cause, and error propagation through several call layers and callbacks.
function level3(n) { if (n > 2) throw new RangeError("too big: " + n); return n; }
function level2(n) { try { return level3(n); } catch (e) { throw new Error("level2 failed", { cause: e }); } }
function level1(ns) { return ns.map(n => { try { return level2(n); } catch (e) { return `${e.message} <- ${e.cause.name}: ${e.cause.message}`; } }); }
console.log(level1([1, 3, 2]).join(" | "));
function rethrowSame() { try { throw new TypeError("orig"); } catch (e) { e.message += " (annotated)"; throw e; } }
try { rethrowSame(); } catch (e) { console.log(e.name, e.message); }
let attempts = 0;
function flaky() { attempts++; if (attempts < 3) throw new Error("flaky " + attempts); return "ok after " + attempts; }
function retry(fn, n) { let last; for (let i = 0; i < n; i++) { try { return fn(); } catch (e) { last = e; } } throw last; }
console.log(retry(flaky, 5));
attempts = -10;
try { retry(flaky, 2); } catch (e) { console.log("gave up:", e.message); }
const errs = [];
for (const f of [() => undefined.x, () => x.y.z, () => (void 0)(), () => new (class { constructor() { throw 7; } })(), () => [].reduce(() => 0)]) {
  try { f(); } catch (e) { errs.push(typeof e === "object" ? e.name : e); }
}
console.log(errs.join(","));
