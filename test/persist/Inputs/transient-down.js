// The database is reachable at the first connect only while the marker
// file does not exist; the first connect creates it.
const runtime = require('distribufy');
const fs = require('fs');
let opened = 0;
function connect() {
  const marker = process.env.DB_DOWN_MARKER;
  if (fs.existsSync(marker)) throw new Error('connection refused');
  fs.writeFileSync(marker, 'down');
  opened++;
  console.log(`connect #${opened}`);
  return { cache: new WeakMap(), query(q) { return `db:${q}`; } };
}
function main() {
  const db = runtime.transient('db', connect);
  console.log('before');
  runtime.checkpoint();
  console.log('after', db.query('q'));
  return opened;
}
module.exports = main;
