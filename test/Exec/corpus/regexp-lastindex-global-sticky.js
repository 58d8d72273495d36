// lastIndex behaviour with g and y flags for exec/test; shared regexp state across calls.
const g = /a./g;
const s = "a1 a2 a3";
const hits = [];
let m;
while ((m = g.exec(s)) !== null) hits.push(m[0] + "@" + m.index + "/" + g.lastIndex);
console.log(hits.join(" "), g.lastIndex);
const t = /x/g;
console.log(t.test("xx"), t.lastIndex, t.test("xx"), t.lastIndex, t.test("xx"), t.lastIndex);
const y = /\d/y;
console.log(y.test("1a2"), y.lastIndex, y.test("1a2"), y.lastIndex);
y.lastIndex = 2;
console.log(y.exec("1a2")[0], y.lastIndex);
const re = /o/g;
console.log("foo boo".replace(re, "0"), re.lastIndex, "foo".match(re).length, [..."foo".matchAll(/o/g)].map(x => x.index).join());
const sticky = /foo/y;
sticky.lastIndex = 3;
console.log(sticky.test("barfoo"), sticky.lastIndex, "barfoo".search(/foo/y));
