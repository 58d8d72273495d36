// for-of over strings iterates code points (surrogate pairs together), with
// a checkpoint per character.
const runtime = require('distribufy');

function main() {
  const text = 'héllo 🌍!';
  const chars = [];
  for (const ch of text) {
    runtime.checkpoint();
    chars.push(ch + '(' + ch.codePointAt(0).toString(16) + ')');
  }
  console.log(chars.join(' '));
  console.log('length', text.length, 'code points', chars.length);
  let vowels = 0;
  for (const c of 'checkpointing') {
    if ('aeiou'.includes(c)) { vowels++; runtime.checkpoint(); }
  }
  console.log('vowels', vowels);
  const s = new String('ab');
  for (const c of s) { runtime.checkpoint(); console.log('boxed', c); }
  return { chars: chars.length, vowels };
}

module.exports = main;
