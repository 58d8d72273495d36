// Symbols as keys: uniqueness, registry, description, hidden from JSON/keys, well-known symbols.
const s1 = Symbol("id"), s2 = Symbol("id");
console.log(s1 === s2, s1.toString(), s1.description, typeof s1);
console.log(Symbol.for("app") === Symbol.for("app"), Symbol.keyFor(Symbol.for("app")), Symbol.keyFor(s1));
const o = { [s1]: "one", visible: true };
console.log(JSON.stringify(o), Object.keys(o).join(), Object.getOwnPropertySymbols(o).length, o[s1]);
try { s1 + ""; } catch (e) { console.log(e.name); }
try { new Symbol(); } catch (e) { console.log(e.name); }
const spreadable = { length: 2, 0: "a", 1: "b", [Symbol.isConcatSpreadable]: true };
console.log(JSON.stringify([0].concat(spreadable)));
class Matcher { [Symbol.split](s) { return s.split("").reverse(); } [Symbol.replace](s, r) { return r + s; } }
console.log(JSON.stringify("abc".split(new Matcher())), "tail".replace(new Matcher(), "head-"));
const unscop = { [Symbol.unscopables]: { hidden: true }, hidden: "h", shown: "s" };
const hidden = "outer hidden";
with (unscop) { console.log(shown, hidden); }
