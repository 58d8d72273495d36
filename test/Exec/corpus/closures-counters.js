// Counter closures: independent instances and shared state between sibling closures.
function makeCounter(start) {
  let n = start;
  return { inc: () => ++n, dec: () => --n, get: () => n };
}
const a = makeCounter(0), b = makeCounter(100);
a.inc(); a.inc(); b.dec(); a.dec();
console.log(a.get(), b.get());
function pair() {
  let shared = [];
  return [v => shared.push(v), () => shared.join("-"), () => { shared = ["reset"]; }];
}
const [push, show, reset] = pair();
push(1); push(2);
console.log(show());
reset(); push(3);
console.log(show());
let g = 0;
const incG = () => g++;
incG(); incG();
console.log(g);
function once(fn) { let done = false, r; return (...args) => done ? r : (done = true, r = fn(...args)); }
const init = once(x => { console.log("init called"); return x * 2; });
console.log(init(5), init(6));
