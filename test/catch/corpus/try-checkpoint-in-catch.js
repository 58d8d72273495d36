// A checkpoint inside a catch block: the caught exception (an Error with its
// own properties) and the handler's locals survive; a rethrow after resume
// reaches the outer handler.
const runtime = require('distribufy');

function main() {
  const log = [];
  try {
    try {
      const err = new TypeError('inner failure');
      err.code = 42;
      throw err;
    } catch (e) {
      const seen = e;
      runtime.checkpoint();
      log.push(`catch: ${e.name} ${e.message} code=${e.code} same=${seen === e} isTypeError=${e instanceof TypeError}`);
      e.message += ' (rethrown)';
      throw e;
    } finally {
      log.push('inner finally');
    }
  } catch (outer) {
    runtime.checkpoint();
    log.push('outer caught: ' + outer.message);
  }
  try { null.x; } catch ({ name }) { runtime.checkpoint(); log.push('destructured catch param: ' + name); }
  try { throw 'a string'; } catch (s) { runtime.checkpoint(); log.push('thrown primitive: ' + s); }
  for (const l of log) console.log(l);
  return log;
}

module.exports = main;
