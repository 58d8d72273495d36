// Awaiting thenables, non-promises, and promise-returning async functions: ordering of ticks.
const log = [];
const thenable = { then(res) { log.push("thenable.then invoked"); res("T"); } };
async function returnsPromise() { return Promise.resolve("RP"); }
async function returnsValue() { return "RV"; }
(async () => { log.push("await thenable -> " + await thenable); })();
(async () => { log.push("await RP -> " + await returnsPromise()); })();
(async () => { log.push("await RV -> " + await returnsValue()); })();
(async () => { log.push("await 42 -> " + await 42); })();
Promise.resolve().then(() => log.push("tick1")).then(() => log.push("tick2")).then(() => log.push("tick3")).then(() => log.push("tick4"));
log.push("sync");
setTimeout(() => console.log(log.join("\n")), 0);
