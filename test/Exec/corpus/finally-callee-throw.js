// Exceptions thrown by callees cross finally blocks, which run and then rethrow.
const log = [];
function thrower(n) { throw new RangeError("from callee " + n); }
function bar() { log.push("bar"); return 8; }
let x = 0;
function foo() { try { thrower(1); } finally { x = bar(); } }
try { foo(); } catch (e) { x = e.message; }
console.log(x, log.join(","));
function deep(n) { try { if (n === 0) thrower(2); else deep(n - 1); } finally { log.push("f" + n); } }
log.length = 0;
try { deep(3); } catch (e) { console.log(e.name, e.message, log.join(",")); }
function mapThrow() { try { return [1, 2, 3].map(v => { if (v === 2) thrower(3); return v; }); } finally { log.push("map finally"); } }
log.length = 0;
try { mapThrow(); } catch (e) { console.log(e.message, log.join(",")); }
