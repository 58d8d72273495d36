'use strict';
class A extends Object { #x = 1; static s = 2; static { this.t = 3; } get x() { return this.#x; } *gen() { yield* [1, 2]; } async m() { await null; } }
const { a = 1, b: [c, ...d] = [], ...rest } = { a: 2, b: [3, 4] };
label: for (const [k, v] of Object.entries({ p: 1 })) { if (k) continue label; else break; }
let s = `t ${a + c} ${`n${d}`}`, r = /a(?<g>b)\k<g>/giu, n = 1_000n ** 2n, o = a?.b?.[c]?.(d) ?? 0;
switch (o) { case 0: o ||= 1; case 1: o &&= 2; break; default: o ??= 3; }
try { throw new Error('x'); } catch { o = (x, y = x) => ({ x, y }); } finally { void delete rest.q; }
do o = typeof o === 'function' ? o(1) : o; while (false);
var f = function* named() { return new.target; }, g = async () => { for await (const x of []) ; };
export default o;
