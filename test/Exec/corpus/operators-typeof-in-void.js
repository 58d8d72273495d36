// typeof (incl. undeclared names), in (own, inherited, arrays, private-free), void evaluating its operand.
console.log(typeof undeclaredVariable, typeof null, typeof [], typeof function () {}, typeof class {}, typeof Symbol(), typeof 1n, typeof NaN, typeof undefined);
try { undeclaredVariable; } catch (e) { console.log(e.name); }
console.log(typeof typeof 1, typeof (() => {})(), typeof new Number(1), typeof String(1));
const o = Object.create({ inherited: 1 });
o.own = undefined;
console.log("own" in o, "inherited" in o, "toString" in o, "nope" in o, 0 in [1], 1 in [1], "length" in []);
try { "x" in "string"; } catch (e) { console.log(e.name); }
let n = 0;
const r = void n++;
console.log(r, n, void 0 === undefined);
const sym = Symbol();
console.log(sym in { [sym]: 1 }, 1 in { 1: "a" }, "1" in ["x", "y"]);
