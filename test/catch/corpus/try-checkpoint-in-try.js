// A checkpoint inside a try block: after resume, an exception thrown later in
// the same try block goes to its catch, and the finally runs once.
const runtime = require('distribufy');

function main() {
  const log = [];
  try {
    log.push('try start');
    runtime.checkpoint();
    log.push('try resumed');
    throw new RangeError('after checkpoint');
  } catch (e) {
    log.push('caught ' + e.name + ': ' + e.message);
  } finally {
    log.push('finally');
  }
  let v;
  try {
    runtime.checkpoint();
    v = 'no throw';
  } catch (e) {
    v = 'wrong';
  }
  log.push(v);
  for (const line of log) console.log(line);
  return log;
}

module.exports = main;
