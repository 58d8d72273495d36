// runtime.transient(id, thunk) keeps a client that no checkpoint can hold
// (its cache is a WeakMap) out of the checkpoint: after a resume the thunk
// makes a new one, and every reference to the old one (locals, a closure,
// a Map key, a frozen record) refers to the new one. The program only
// prints what does not depend on how often the client was made.
const runtime = require('distribufy');

function connect(url) {
  const cache = new WeakMap();
  return {
    url,
    get(key) {
      if (!cache.has(key)) cache.set(key, `${url}/${key.name}`);
      return cache.get(key);
    },
  };
}

const config = { url: 'db://orders' };

function main() {
  const db = runtime.transient('db', () => connect(config.url));
  const users = new Map([[db, 'primary']]);
  const record = Object.freeze({ db, role: 'reader' });
  const lookup = (key) => db.get(key);
  const out = [];
  for (let i = 0; i < 3; i++) {
    runtime.checkpoint();
    const key = { name: `k${i}` };
    out.push(lookup(key), users.get(db), record.db === db, Object.isFrozen(record));
  }
  console.log(out.join(' '));
  const again = runtime.transient('db', () => connect('db://never'));
  console.log('same client:', again === db, again.url);
  return out.length;
}

module.exports = main;
