// obj.p += f() where f replaces obj and changes p.
let obj = { p: 1, q: 100 };
const first = obj;
function f() { obj = { p: 1000 }; first.p = 7; return 10; }
obj.p += f();
console.log(JSON.stringify(first), JSON.stringify(obj));
let k = "p";
const t = { p: 1, q: 2 };
function g() { k = "q"; return 5; }
t[k] += g();
console.log(JSON.stringify(t), k);
let n = 3;
n += (n = 10);
console.log(n);
const arr = [1, 2, 3];
let idx = 0;
arr[idx] *= (idx = 2, 10);
console.log(JSON.stringify(arr), idx);
