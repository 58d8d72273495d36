// WeakMap/WeakSet for private data and visited marking.
const priv = new WeakMap();
class Person {
  constructor(name) { priv.set(this, { name, secrets: [] }); }
  tell(s) { priv.get(this).secrets.push(s); return this; }
  summary() { const p = priv.get(this); return p.name + " knows " + p.secrets.length; }
}
const p = new Person("Ann").tell("a").tell("b");
console.log(p.summary(), priv.has(p), priv.has({}));
try { priv.set(1, 1); } catch (e) { console.log(e.name); }
const seen = new WeakSet();
function walk(node, out) { if (seen.has(node)) { out.push("cycle@" + node.id); return; } seen.add(node); out.push(node.id); for (const c of node.kids) walk(c, out); return out; }
const a = { id: "a", kids: [] }, b = { id: "b", kids: [a] };
a.kids.push(b);
console.log(walk(a, []).join(","));
const wm = new WeakMap([[a, 1]]);
console.log(wm.get(a), wm.delete(a), wm.get(a));
