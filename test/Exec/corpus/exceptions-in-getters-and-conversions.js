// Errors thrown inside getters, setters, toString, valueOf, and toJSON; state left behind.
const log = [];
const o = {
  get bad() { log.push("getter"); throw new Error("getter failed"); },
  set bad(v) { log.push("setter " + v); throw new Error("setter failed"); },
};
try { o.bad; } catch (e) { log.push(e.message); }
try { o.bad = 1; } catch (e) { log.push(e.message); }
try { o.bad += 1; } catch (e) { log.push("compound: " + e.message); }
const v = { valueOf() { throw new RangeError("valueOf failed"); } };
let x = 1;
try { x = x + v; } catch (e) { log.push(e.name + " x still " + x); }
try { `${{ toString() { throw new Error("toString failed"); } }}`; } catch (e) { log.push(e.message); }
try { JSON.stringify({ a: { toJSON() { throw new Error("toJSON failed"); } } }); } catch (e) { log.push(e.message); }
const arr = [1, 2, 3];
try { arr.sort((a, b) => { if (a === 3 || b === 3) throw new Error("cmp"); return a - b; }); } catch (e) { log.push("after failed sort length " + arr.length); }
try { const { bad } = o; } catch (e) { log.push("destructure " + e.message); }
console.log(log.join("\n"));
