// The kill -9 test's action: appends one line per call to the call log
// ($DISTRIBUFY_CALL_LOG): the idempotency key, the engine's pid and the
// params, then answers after a few milliseconds (a window in which a kill
// lands while the action runs). The answer depends only on the params.
'use strict';
const fs = require('node:fs');

exports.main = (params) => {
  const k = params.__distribufy;
  fs.appendFileSync(process.env.DISTRIBUFY_CALL_LOG,
    JSON.stringify({ key: k && k.key, pid: process.pid, i: params.i, total: params.total }) + '\n');
  return new Promise((resolve) => setTimeout(() => resolve({ add: (params.i * 7919 + params.total) % 9973 }), 3));
};
