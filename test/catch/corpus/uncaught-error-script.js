// A script (no module.exports) whose top level throws after a checkpoint:
// same stdout, same uncaught error line, same exit status.
const runtime = require('distribufy');

let step = 0;
console.log('step', ++step);
runtime.checkpoint();
console.log('step', ++step);
function fail() {
  runtime.checkpoint();
  throw new TypeError('script failed at step ' + step);
}
fail();
console.log('never printed');
