// then/catch/finally chains: values and errors passing through, finally not changing value.
const log = [];
Promise.resolve(1)
  .then(v => { log.push("then " + v); return v + 1; })
  .finally(() => { log.push("finally 1"); return "ignored"; })
  .then(v => { log.push("after finally " + v); throw new Error("boom"); })
  .then(() => log.push("skipped"))
  .catch(e => { log.push("caught " + e.message); return "recovered"; })
  .finally(() => { log.push("finally 2"); throw new Error("finally throws"); })
  .then(v => log.push("not reached " + v), e => log.push("rejected by finally: " + e.message))
  .then(() => Promise.reject(new TypeError("rej")))
  .catch(e => log.push(e.name))
  .then(() => {
    return { then(res) { log.push("thenable called"); res("from thenable"); } };
  })
  .then(v => log.push(v))
  .finally(() => console.log(log.join("\n")));
