// Method shorthand with super in object literals; super is bound to the home object.
const base = { hello() { return "base hello from " + this.name; }, name: "base" };
const mid = { __proto__: base, name: "mid", hello() { return "mid>" + super.hello(); } };
const leaf = { __proto__: mid, name: "leaf", hello() { return "leaf>" + super.hello(); } };
console.log(leaf.hello());
const borrowed = leaf.hello;
console.log(borrowed.call({ name: "stranger" }));
const other = { __proto__: { hello() { return "other proto"; } }, hello: mid.hello };
console.log(other.hello());
const withGetter = { __proto__: { get v() { return "proto v:" + this.tag; } }, tag: "T", get v() { return "own/" + super.v; } };
console.log(withGetter.v);
const setter = { __proto__: { set x(v) { this._x = "proto set " + v; } }, set x(v) { super.x = v + "!"; } };
setter.x = 1;
console.log(setter._x);
