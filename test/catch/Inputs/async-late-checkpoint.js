// checkpoint() from a promise callback, after the instance's synchronous run.
const runtime = require('distribufy');
Promise.resolve().then(() => runtime.checkpoint());
