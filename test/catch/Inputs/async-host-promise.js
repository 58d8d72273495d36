// Awaits a host promise (fs.promises) while another async function checkpoints.
const runtime = require('distribufy');
const fs = require('node:fs');
async function read() {
  const text = await fs.promises.readFile(__filename, 'utf8');
  return text.length > 0;
}
async function main() {
  const pending = read();
  await null;
  runtime.checkpoint();
  return pending;
}
module.exports = main;
