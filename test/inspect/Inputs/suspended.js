// A workflow whose last checkpoint is taken two calls deep, with locals of
// many kinds, shared and cyclic objects, module state and a persisted value.
const runtime = require('distribufy');

const config = runtime.persist('config', () => ({ retries: 3, tag: 'v1' }));
let processed = 0;
const registry = { name: 'registry', items: [] };
registry.self = registry;

function handle(item, index) {
  const record = { item, index, at: new Date(0), seen: new Set([item]), big: 2n ** 70n };
  record.parent = registry;
  registry.items.push(record);
  processed++;
  runtime.checkpoint();
  return record.index;
}

function main(params) {
  const pending = ['alpha', 'beta'];
  let total = 0;
  for (let i = 0; i < pending.length; i++) total += handle(pending[i], i);
  return { total, processed, retries: config.retries };
}

module.exports = main;
