// Ordering between sync code, process.nextTick, promise microtasks, and sequential setTimeout callbacks.
const log = [];
setTimeout(() => {
  log.push("timeout 1");
  process.nextTick(() => log.push("tick inside timeout"));
  Promise.resolve().then(() => log.push("micro inside timeout"));
  setTimeout(() => { log.push("timeout 2"); console.log(log.join("\n")); }, 0);
}, 0);
Promise.resolve().then(() => { log.push("micro 1"); process.nextTick(() => log.push("tick from micro")); }).then(() => log.push("micro 2"));
process.nextTick(() => { log.push("tick 1"); Promise.resolve().then(() => log.push("micro from tick")); });
process.nextTick(() => log.push("tick 2"));
(async () => { log.push("async body sync"); await null; log.push("async after await"); })();
log.push("sync end");
