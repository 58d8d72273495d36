// Function .name inference and .length: names come from bindings, properties, classes, bound, getters.
const anon = function () {};
const arrow = () => {};
const named = function realName() {};
const o = { method() {}, prop: function () {}, arrowProp: () => {}, ["comp" + "uted"]: () => {}, get acc() { return 1; }, [Symbol("sym")]: function () {} };
const symKey = Object.getOwnPropertySymbols(o)[0];
console.log([anon.name, arrow.name, named.name, o.method.name, o.prop.name, o.arrowProp.name, o.computed.name, Object.getOwnPropertyDescriptor(o, "acc").get.name, o[symKey].name].join("|"));
class K { static s() {} m() {} #p() {} get g() { return 1; } }
console.log(K.name, K.s.name, K.prototype.m.name, Object.getOwnPropertyDescriptor(K.prototype, "g").get.name, anon.bind(null).name, (function () {}).name === "", (() => {}).name === "");
let assigned;
assigned = function () {};
const { defaulted = () => {} } = {};
function fDecl(a, b = 1, ...c) {}
console.log(assigned.name, defaulted.name, fDecl.length, ((a, b) => {}).length, (function (...r) {}).length, new Function("a", "b", "").name);
const holder = {};
holder.later = function () {};
console.log(JSON.stringify(holder.later.name), (async function () {}).constructor.name, (function* g() {}).name);
