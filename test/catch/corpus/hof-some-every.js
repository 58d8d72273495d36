// Checkpoints inside some/every predicates: short-circuiting stops at the
// same element after resume.
const runtime = require('distribufy');

function main() {
  const seen = [];
  const nums = [2, 4, 6, 7, 8, 10];
  const allEven = nums.every(n => { seen.push(n); runtime.checkpoint(); return n % 2 === 0; });
  console.log('every', allEven, 'seen', seen.join(','));
  seen.length = 0;
  const anyBig = nums.some(n => { runtime.checkpoint(); seen.push(n); return n > 5; });
  console.log('some', anyBig, 'seen', seen.join(','));
  const none = [].some(() => { runtime.checkpoint(); return true; });
  const vacuous = [].every(() => false);
  console.log('empty', none, vacuous);
  return { allEven, anyBig, seen };
}

module.exports = main;
