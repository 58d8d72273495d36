// Checkpoints inside async functions, after awaits and in a then callback, resumed in fresh processes.
const runtime = require('distribufy');
async function step(name, n) {
  await null;
  runtime.checkpoint();
  console.log(name, n);
  return n;
}
module.exports = async function main() {
  const a = await step('a', 1);
  const b = await Promise.resolve(2).then((v) => { runtime.checkpoint(); return step('b', v); });
  const c = await step('c', 3);
  return { total: a + b + c };
};
