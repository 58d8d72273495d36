// Object identity across a checkpoint: two locals naming the same object
// still name one object, cycles are kept, a mutation through one path is
// seen through the others, and Map keys stay the same objects.
const runtime = require('distribufy');

function main() {
  const shared = { value: 1 };
  const a = { name: 'a', ref: shared };
  const b = { name: 'b', ref: shared };
  a.peer = b; b.peer = a;
  const self = { name: 'self' }; self.self = self;
  const list = [shared, shared, a];
  list.push(list);
  const byObj = new Map([[shared, 'shared'], [a, 'a']]);
  const set = new Set([a, b, shared]);
  runtime.checkpoint();
  a.ref.value = 42;
  console.log('b sees', b.ref.value, 'list sees', list[0].value, list[1] === list[0]);
  console.log('cycles', a.peer.peer === a, self.self.self === self, list[3] === list, list[3][2].peer === b);
  console.log('map keys', byObj.get(shared), byObj.get(a), byObj.get({ value: 42 }));
  console.log('set has', set.has(a), set.has(shared), set.size);
  runtime.checkpoint();
  const graph = [];
  for (let i = 0; i < 5; i++) graph.push({ id: i, edges: [] });
  for (let i = 0; i < 5; i++) graph[i].edges.push(graph[(i + 1) % 5], graph[(i + 2) % 5]);
  runtime.checkpoint();
  let node = graph[0], path = [];
  for (let step = 0; step < 7; step++) { path.push(node.id); node = node.edges[step % 2]; }
  console.log('walk', path.join('->'), 'same nodes', graph[0].edges[0] === graph[1]);
  return { value: shared.value, path };
}

module.exports = main;
