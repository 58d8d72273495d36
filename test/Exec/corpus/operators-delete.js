// delete on properties, array elements, non-configurable props, variables (sloppy) and its return values.
const o = { a: 1, b: 2 };
console.log(delete o.a, JSON.stringify(o), delete o.missing, delete o["b"], Object.keys(o).length);
const arr = [1, 2, 3];
console.log(delete arr[1], arr.length, 1 in arr, JSON.stringify(arr));
console.log(delete Object.prototype, delete Math.PI, Math.PI > 3);
var declared = 1;
globalThis.implicitGlobal = 2;
console.log(delete globalThis.implicitGlobal, typeof implicitGlobal);
function f() { var local = 1; return delete local; }
console.log(f());
console.log(delete 5, delete "x".length, (function () { "use strict"; try { delete Object.prototype; } catch (e) { return e.name; } })());
const proto = { shared: "proto" };
const child = Object.create(proto);
child.shared = "own";
delete child.shared;
console.log(child.shared);
const log = [];
delete (log.push("evaluated"), o).x;
console.log(log.join());
