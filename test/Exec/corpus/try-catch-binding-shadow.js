// Catch binding shadows outer variables; var in catch block hoists to function scope.
var e = "outer";
try { throw "inner"; } catch (e) { console.log("in catch", e); e = "reassigned"; }
console.log("after", e);
function f() {
  try { throw 1; } catch (err) { var err = 2; var hoisted = err; }
  return [typeof err, String(err), hoisted];
}
console.log(JSON.stringify(f()));
const fs = [];
for (let i = 0; i < 3; i++) { try { throw i; } catch (x) { fs.push(() => x); } }
console.log(fs.map(g => g()).join(","));
try { throw { a: 1, b: [2] }; } catch ({ a, b: [c] }) { console.log(a, c); }
try { JSON.parse("{bad"); } catch { console.log("optional binding works"); }
let lvl = 0;
try { try { throw new Error("x"); } catch (e) { lvl = 1; throw e; } } catch (e2) { console.log(e2.message, lvl); }
