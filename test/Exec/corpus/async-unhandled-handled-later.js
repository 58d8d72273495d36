// A rejection handled synchronously after creation; Promise constructor executor is synchronous and throws are caught.
const log = [];
const p = new Promise((res, rej) => { log.push("executor runs sync"); rej(new Error("early")); res("ignored"); log.push("after reject"); });
p.catch(e => log.push("caught " + e.message));
const q = new Promise(() => { throw new SyntaxError("thrown in executor"); });
q.then(null, e => log.push("executor throw -> " + e.name));
let resolveOut;
const r = new Promise(res => { resolveOut = res; });
r.then(v => log.push("resolved later with " + v));
resolveOut("X");
resolveOut("Y");
const selfRes = new Promise(res => Promise.resolve().then(() => res(selfRes)));
selfRes.catch(e => log.push("self resolution: " + e.name));
log.push("sync end");
setTimeout(() => console.log(log.join("\n")), 0);
