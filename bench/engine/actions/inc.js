// bench/engine/loop.js's action: answers at once (the benchmark measures
// the engine, not the action).
'use strict';
exports.main = (params) => ({ v: params.i + 1 });
