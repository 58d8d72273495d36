// Several async functions interleaving: order of microtasks.
const log = [];
async function a() { log.push("a1"); await null; log.push("a2"); await null; log.push("a3"); }
async function b() { log.push("b1"); await undefined; log.push("b2"); }
async function c() { log.push("c1"); return "c-result"; }
log.push("start");
a();
b();
c().then(v => log.push("c then " + v));
Promise.resolve().then(() => log.push("p1")).then(() => log.push("p2"));
queueMicrotask(() => log.push("qm"));
log.push("sync end");
setTimeout(() => console.log(log.join(" ")), 0);
