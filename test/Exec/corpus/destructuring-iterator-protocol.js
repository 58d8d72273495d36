// Array patterns use the iterator protocol; return() is called when the pattern stops early.
const log = [];
function iterable(n) {
  return {
    [Symbol.iterator]() {
      let i = 0;
      return {
        next() { log.push("next"); return i < n ? { value: i++, done: false } : { done: true }; },
        return() { log.push("return"); return {}; },
      };
    },
  };
}
const [a, b] = iterable(5);
console.log(a, b, log.join(","));
log.length = 0;
const [c, d, e] = iterable(2);
console.log(c, d, e, log.join(","));
log.length = 0;
const [...all] = iterable(3);
console.log(all.join(), log.join(","));
log.length = 0;
const [] = iterable(3);
console.log("empty pattern:", log.join(","));
log.length = 0;
try { const [x = (() => { throw new Error("in default"); })()] = iterable(0); } catch (err) { console.log(err.message, log.join(",")); }
log.length = 0;
try { const [x, [y]] = iterable(3); } catch (err) { console.log(err.name, log.join(",")); }
function* gen() { try { yield 1; yield 2; yield 3; } finally { log.push("gen finally"); } }
log.length = 0;
const [g1] = gen();
console.log(g1, log.join(","));
