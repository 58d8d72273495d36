// A checkpoint inside a generator's body, consumed by an async function,
// while another generator is suspended in the heap.
const runtime = require('distribufy');
function* letters(word) {
  for (const c of word) {
    if (c === 'r') runtime.checkpoint();
    yield c.toUpperCase();
  }
}
async function spell(word, other) {
  let out = '';
  for (const c of letters(word)) out += await c;
  return out + other.next().value;
}
module.exports = async function main() {
  const other = letters('ok');
  other.next();
  return spell('dark', other);
};
