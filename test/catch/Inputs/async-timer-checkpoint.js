// checkpoint() from a host timer's callback, after the instance's synchronous run.
const runtime = require('distribufy');
setTimeout(() => runtime.checkpoint(), 1);
