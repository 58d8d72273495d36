// Error objects of each built-in type, with a cause, custom properties and
// an AggregateError, survive checkpoints (name, message, instanceof, cause).
const runtime = require('distribufy');

function main() {
  const errs = [
    new Error('plain'), new TypeError('type'), new RangeError('range'), new SyntaxError('syntax'),
    new ReferenceError('ref'), new EvalError('eval'), new URIError('uri'),
    new Error('with cause', { cause: { reason: 'disk' } }),
    new AggregateError([new Error('a'), new TypeError('b')], 'many'),
  ];
  errs[0].extra = 123;
  let caught;
  try { decodeURIComponent('%'); } catch (e) { caught = e; }
  runtime.checkpoint();
  for (const e of errs) {
    console.log(e.name, e.message, e instanceof Error, Object.prototype.toString.call(e), e.cause ? JSON.stringify(e.cause) : '-');
  }
  console.log('extra', errs[0].extra, 'aggregate', errs[8].errors.map(e => e.name).join(','));
  console.log('caught', caught.name, caught instanceof URIError, typeof caught.stack);
  console.log('own keys', Object.keys(errs[0]).join(','), String(errs[1]));
  return errs.map(e => e.name);
}

module.exports = main;
