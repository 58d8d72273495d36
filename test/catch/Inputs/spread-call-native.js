// A checkpoint under Function.prototype.call called through another
// Function.prototype.call (`c.call(f)` with c = Function.prototype.call):
// two native frames the capture cannot see through; it fails clearly.
const runtime = require('distribufy');
function f() { runtime.checkpoint(); return 1; }
const c = Function.prototype.call;
c.call(f);
module.exports = () => 'done';
