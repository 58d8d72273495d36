// action-child.js ACTIONS_DIR - runs actions for the no-op runtime's
// invoke, parallel.map and batches of utils.promises: on stdin a JSON array
// of calls [{action, params, key}], run concurrently; on fd 3 the JSON array of their outcomes
// in order, each {value} or {threw: true, error} (the ActionError's error).
'use strict';
const fs = require('node:fs');
const { runAction } = require('./effects.js');

const [actionsDir] = process.argv.slice(2);
const calls = JSON.parse(fs.readFileSync(0, 'utf8') || '[]');
Promise.all(calls.map((c) => runAction(actionsDir, c.action, c.params, c.key))).then((rs) => {
  fs.writeSync(3, JSON.stringify(rs.map((r) => (r.threw ? { threw: true, error: r.value.error } : { value: r.value }))));
  process.exitCode = 0;
}, (e) => {
  const error = { name: 'Error', message: String(e && e.message || e) };
  fs.writeSync(3, JSON.stringify(calls.map(() => ({ threw: true, error }))));
});
