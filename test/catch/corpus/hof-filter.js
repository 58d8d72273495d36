// A checkpoint inside a filter predicate: elements kept before the
// checkpoint stay kept, with their identity.
const runtime = require('distribufy');

function main() {
  const people = [
    { name: 'ann', age: 31 }, { name: 'bob', age: 17 }, { name: 'cid', age: 45 },
    { name: 'dee', age: 12 }, { name: 'eve', age: 29 },
  ];
  let asked = 0;
  const adults = people.filter(p => {
    asked++;
    runtime.checkpoint();
    return p.age >= 18;
  });
  console.log(adults.map(p => p.name).join(','), 'asked', asked, 'identity', adults[0] === people[0]);
  const odd = Array.from({ length: 20 }, (_, i) => i).filter((n, i) => { if (i % 5 === 0) runtime.checkpoint(); return n % 2; });
  console.log('odd', odd.join(','));
  return { adults: adults.map(p => p.name), odd };
}

module.exports = main;
