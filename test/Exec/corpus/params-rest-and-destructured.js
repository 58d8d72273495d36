// Rest parameters and destructured parameters with defaults.
function f(first, ...rest) { return first + "|" + rest.join(","); }
console.log(f(1, 2, 3), f(1), f());
function g({ a, b: { c = "dc" } = {}, ...others } = {}, [x, , y = "dy"] = []) {
  return JSON.stringify({ a, c, others, x, y });
}
console.log(g());
console.log(g({ a: 1, b: { c: 2 }, d: 3, e: 4 }, [5, 6, 7]));
console.log(g({ b: {} }, [null, 1, undefined]));
const h = ({ length }, ...[p, q]) => length + ":" + p + ":" + q;
console.log(h("hello", 1, 2, 3));
try { g(null); } catch (e) { console.log(e.name); }
