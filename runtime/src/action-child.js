// action-child.js ACTIONS_DIR ACTION - runs one action for the no-op
// runtime's synchronous invoke: params (JSON) on stdin, the result as JSON
// on fd 3: {value} or {threw: true, error}.
'use strict';
const fs = require('node:fs');
const { runAction } = require('./instance.js');

const [actionsDir, action] = process.argv.slice(2);
const params = JSON.parse(fs.readFileSync(0, 'utf8') || '{}');
runAction(actionsDir, action, params).then((r) => {
  const out = r.threw ? { threw: true, error: r.value.error } : { value: r.value };
  fs.writeSync(3, JSON.stringify(out));
  process.exitCode = 0;
}, (e) => {
  fs.writeSync(3, JSON.stringify({ threw: true, error: { name: 'Error', message: String(e && e.message || e) } }));
});
