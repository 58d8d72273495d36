// Nested try/finally: ordering of finally blocks and replaced exceptions.
const log = [];
function f() {
  try {
    try {
      try { throw new Error("e1"); }
      finally { log.push("f1"); }
    } catch (e) {
      log.push("c:" + e.message);
      throw new Error("e2");
    } finally {
      log.push("f2");
    }
  } catch (e) {
    log.push("c:" + e.message);
    try { return "r1"; } finally { log.push("f3"); }
  } finally {
    log.push("f4");
  }
}
console.log(f(), log.join(","));
function g() {
  try { throw new Error("original"); }
  finally { try { throw new Error("inner"); } catch (e) { log.push("swallowed " + e.message); } }
}
log.length = 0;
try { g(); } catch (e) { console.log(e.message, log.join(",")); }
function h() { try { throw 1; } finally { throw 2; } }
try { h(); } catch (e) { console.log("thrown", e); }
