// Contextual keywords as identifiers in sloppy mode, reserved words as property names.
var let = "let var";
var yield = "yield var";
var async = "async var";
var of = [1, 2];
var get = "get", set = "set", static = "static", as = "as", from = "from";
console.log(let, yield, async, of.length, get, set, static, as, from);
for (var x of of) console.log("of loop", x);
const o = { if: 1, class: 2, new: 3, function: 4, get: 5, set() { return "set method"; }, static: 6, await: 7, null: 8, true: 9, typeof: 10, delete: 11 };
console.log(o.if + o.class + o.new + o.function, o.get, o.set(), o.static, o.await, o.null, o.true, o.typeof, o.delete);
class K { static static() { return "static static"; } get get() { return "getter named get"; } set set(v) { this.v = v; } async async() { return 1; } *yield() { yield "gen named yield"; } }
const k = new K();
k.set = 5;
console.log(K.static(), k.get, k.v, k.yield().next().value, typeof k.async);
function asyncCall(async) { return async(2); }
console.log(asyncCall(x => x * 21));
