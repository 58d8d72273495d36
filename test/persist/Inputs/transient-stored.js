// transient.js without transient(): the client is stored like any value.
const runtime = require('distribufy');
function main() {
  const db = { name: 'orders', cache: new WeakMap() };
  runtime.checkpoint();
  return db.name;
}
module.exports = main;
