// for-of, array destructuring and spread over the built-in iterables (String
// with astral code points and lone surrogates, Map, Set, their keys/values/
// entries, array entries/keys, array-likes) with the collection mutated
// during the loop; patched iterator methods; errors of the collection methods.
function show(label, xs) { console.log(label, JSON.stringify(xs)); }

const text = 'a\u00e9\u{1F30D}b\uD800c\uDC00\u{1D306}';
const cps = [];
for (const ch of text) cps.push(ch.codePointAt(0).toString(16) + '/' + ch.length);
show('string', cps);
show('string spread', [...'x\u{1F600}y'].length);
const [c0, c1, ...cr] = '\u{1F600}\u{1F601}zz';
show('string destructure', [c0.length, c1.codePointAt(0), cr]);
for (const c of new String('hi')) show('boxed', c);
const tricky = { toString() { return 'to'; } };
tricky[Symbol.iterator] = String.prototype[Symbol.iterator];
show('ToString receiver', [...tricky]);
for (const c of tricky) show('ToString for-of', c);

const m = new Map([['a', 1], ['b', 2], ['c', 3], [NaN, 'nan']]);
const seenM = [];
for (const [k, v] of m) {
  seenM.push(String(k) + '=' + v);
  if (k === 'a') { m.delete('c'); m.set('d', 4); m.set('b', 20); }
  if (k === 'd') m.set(NaN, 'nan2');
  if (k === 'b') { m.delete('a'); m.set('a', 100); }
}
show('map mutate', seenM);
const mk = [];
for (const k of m.keys()) { mk.push(String(k)); if (k === 'b') m.clear(); if (k === 'b') m.set('z', 0); }
show('map keys clear', mk);
const mv = [];
m.set('y', 1);
for (const v of m.values()) { mv.push(v); if (v < 3) m.set('n' + v, v + 1); }
show('map values grow', mv);
const me = [];
for (const e of m.entries()) me.push(e);
show('map entries', me);
const [[k1, v1], second] = new Map([[1, 'one'], [2, 'two']]);
show('map destructure', [k1, v1, second]);
show('map spread', [...new Map([[{ o: 1 }, [2]]])]);

const s = new Set([3, 1, 4, 1, 5, 9, 2, 6]);
const seenS = [];
for (const v of s) {
  seenS.push(v);
  if (v === 4) { s.delete(9); s.add(100); s.delete(3); s.add(3); }
  if (v === 100) s.add(200);
  if (v < 3) s.delete(v + 4);
}
show('set mutate', seenS);
const work = new Set([0]);
for (const v of work) if (v < 12) work.add(v + 1).add(v + 2);
show('set worklist', [...work]);
const se = [];
for (const [a, b] of new Set(['p', 'q']).entries()) se.push(a + b);
show('set entries', se);
const cleared = new Set([1, 2, 3]);
const cs = [];
for (const v of cleared) { cs.push(v); if (v === 1) { cleared.clear(); cleared.add(7); cleared.add(8); } }
show('set clear', cs);
show('set spread', [...new Set('hello')].join(''));
const [sa, , sc = 'dflt', sd = 'dflt2'] = new Set(['x', 'y', 'z']);
show('set destructure', [sa, sc, sd]);

const arr = ['p', 'q', 'r'];
const ae = [];
for (const [i, x] of arr.entries()) { ae.push(i + x); if (i === 0) arr.push('s'); }
for (const i of arr.keys()) ae.push(i);
for (const x of arr.values()) ae.push(x);
show('array entries/keys/values', ae);
function args() { const out = []; for (const a of arguments) out.push(a); return out; }
show('arguments', args(1, 'two', 3));
const like = { length: 2, 0: 'l0', 1: 'l1', [Symbol.iterator]: Array.prototype.values };
show('array-like', [...like]);
function params([a, b = a + 1], [[c] = [9]] = []) { return [a, b, c]; }
show('params', [params([1]), params(new Set([5, 6]), [new Map([[7, 8]])])]);
function withDefaultCall([a, b = String(7)]) { return [a, b]; }
show('param default call', [withDefaultCall('s'), withDefaultCall(new Set([4]))]);
let early = 0;
for (const x of new Map([[1, 1], [2, 2]]).keys()) { early += x; break; }
show('break', early);

for (const bad of [1, {}, null]) {
  try { for (const x of Map.prototype.keys.call(bad)) show('?', x); } catch (e) { show('error', e.constructor.name + ': ' + e.message); }
}
try { const o = { keys: 3 }; for (const x of o.keys()) show('?', x); } catch (e) { show('error', e.message); }

// A patched next is observed (the native protocol runs then).
const mapIterProto = Object.getPrototypeOf(new Map().keys());
const origNext = mapIterProto.next;
mapIterProto.next = function () { const r = origNext.call(this); if (!r.done) r.value = [String(r.value[0]).toUpperCase(), r.value[1]]; return r; };
const pm = [];
for (const [k, v] of new Map([['a', 1]])) pm.push(k + v);
mapIterProto.next = origNext;
show('patched next', pm);
const strProto = Object.getPrototypeOf(''[Symbol.iterator]());
strProto.return = function () { show('string return called', true); return {}; };
for (const c of 'abc') if (c === 'b') break;
delete strProto.return;
const setProto = Set.prototype;
const origValues = setProto.values;
setProto[Symbol.iterator] = function* () { yield 'patched'; };
show('patched method', [...new Set([1])]);
for (const x of new Set([1])) show('patched for-of', x);
setProto[Symbol.iterator] = origValues;
show('restored', [...new Set([1])]);
