// Exercises a broad set of lodash functions and prints every result, so the
// output of the original library and of its compiled copy can be diffed.
'use strict';
const _ = require(require('path').resolve(process.argv[2]));
const out = [];
function show(label, value) {
  let text;
  try {
    text = JSON.stringify(value, (k, v) =>
      typeof v === 'function' ? `[function ${v.name}]` : v === undefined ? '[undefined]' : v);
  } catch (e) {
    text = `[unserializable: ${e.message}]`;
  }
  out.push(`${label}: ${text}`);
}
function check(label, fn) {
  try {
    show(label, fn());
  } catch (e) {
    out.push(`${label}: threw ${e && e.name}: ${e && e.message}`);
  }
}

const users = [
  { user: 'barney', age: 36, active: true, tags: ['a', 'b'] },
  { user: 'fred', age: 40, active: false, tags: ['b'] },
  { user: 'pebbles', age: 1, active: true, tags: [] },
  { user: 'wilma', age: 36, active: false, tags: ['c', 'a'] },
];

// Arrays
check('chunk', () => _.chunk([1, 2, 3, 4, 5], 2));
check('compact', () => _.compact([0, 1, false, 2, '', 3, null, NaN]));
check('concat', () => _.concat([1], 2, [3], [[4]]));
check('difference', () => _.difference([2, 1, 5], [2, 3]));
check('differenceBy', () => _.differenceBy([2.1, 1.2], [2.3, 3.4], Math.floor));
check('drop', () => _.dropRightWhile(users, 'active'));
check('fill', () => _.fill(Array(4), '*', 1, 3));
check('findIndex', () => _.findIndex(users, { user: 'fred', active: false }));
check('flattenDeep', () => _.flattenDeep([1, [2, [3, [4]], 5]]));
check('fromPairs', () => _.fromPairs([['a', 1], ['b', 2]]));
check('intersectionBy', () => _.intersectionBy([{ x: 1 }], [{ x: 2 }, { x: 1 }], 'x'));
check('pull', () => { const a = [1, 2, 3, 1, 2, 3]; _.pull(a, 2, 3); return a; });
check('sortedIndex', () => _.sortedIndex([30, 50], 40));
check('union', () => _.unionWith([{ x: 1 }], [{ x: 1 }, { x: 2 }], _.isEqual));
check('uniqBy', () => _.uniqBy([2.1, 1.2, 2.3], Math.floor));
check('zip', () => _.unzip(_.zip(['a', 'b'], [1, 2], [true, false])));
check('zipObjectDeep', () => _.zipObjectDeep(['a.b[0].c', 'a.b[1].d'], [1, 2]));
check('xor', () => _.xor([2, 1], [2, 3]));
// Collections
check('countBy', () => _.countBy(['one', 'two', 'three'], 'length'));
check('every', () => _.every(users, ['active', false]));
check('filter', () => _.filter(users, (o) => !o.active).map((u) => u.user));
check('flatMapDeep', () => _.flatMapDeep([1, 2], (n) => [[[n, n]]]));
check('groupBy', () => _.groupBy([6.1, 4.2, 6.3], Math.floor));
check('invokeMap', () => _.invokeMap([[5, 1, 7], [3, 2, 1]], 'sort'));
check('keyBy', () => _.keyBy(users, 'user'));
check('orderBy', () => _.orderBy(users, ['user', 'age'], ['desc', 'asc']).map((u) => u.user));
check('partition', () => _.partition(users, 'active'));
check('reduce', () => _.reduce({ a: 1, b: 2, c: 1 }, (r, v, k) => { (r[v] || (r[v] = [])).push(k); return r; }, {}));
check('sampleSize-length', () => _.sampleSize([1, 2, 3], 2).length);
check('sortBy', () => _.sortBy(users, [(o) => o.user]).map((u) => u.user));
// Functions
check('curry', () => { const abc = (a, b, c) => [a, b, c]; const c = _.curry(abc); return [c(1)(2)(3), c(1, 2)(3), c(1)(_, 3)(2)]; });
check('partial', () => _.partial((g, n) => g + ' ' + n, 'hi')('fred'));
check('memoize', () => { let calls = 0; const f = _.memoize((n) => { calls++; return n * 2; }); f(2); f(2); f(3); return [calls, f.cache.size]; });
check('flow', () => _.flow([_.add, (n) => n * n])(1, 2));
check('negate-once', () => { const o = _.once(() => Math.random()); return [o() === o(), _.negate(Boolean)(0)]; });
check('rearg', () => _.rearg((a, b, c) => [a, b, c], [2, 0, 1])('b', 'c', 'a'));
check('spread', () => _.spread((w, who) => w + ', ' + who)(['hello', 'fred']));
// Lang
check('cloneDeep', () => { const o = { a: [1, { b: 2 }], d: new Date(0), m: new Map([[1, 2]]) }; const c = _.cloneDeep(o); return [c.a[1] !== o.a[1], _.isEqual(c, o), c.m instanceof Map]; });
check('isEqual', () => _.isEqual({ a: [1, 2, { b: new Set([1]) }] }, { a: [1, 2, { b: new Set([1]) }] }));
check('isMatch', () => _.isMatch({ a: 1, b: 2 }, { b: 2 }));
check('types', () => [_.isArguments((function () { return arguments; })()), _.isTypedArray(new Uint8Array(2)), _.isPlainObject(Object.create(null)), _.isNative(Array.prototype.push), _.isError(new TypeError('x'))]);
check('toNumber', () => [_.toNumber('3.2'), _.toNumber('0b101'), _.toInteger(-3.7), _.toSafeInteger(Infinity)]);
check('toPath', () => _.toPath('a[0].b.c["d.e"]'));
// Math, Number
check('math', () => [_.sum([4, 2, 8, 6]), _.meanBy([{ n: 4 }, { n: 2 }], 'n'), _.maxBy(users, 'age').user, _.round(4.006, 2), _.floor(-4.006, 2)]);
check('number', () => [_.clamp(-10, -5, 5), _.inRange(3, 2, 4), _.random(5, 5)]);
// Objects
check('assign', () => _.assignIn({ a: 0 }, { b: 1 }, Object.create({ c: 2 })));
check('defaultsDeep', () => _.defaultsDeep({ a: { b: 2 } }, { a: { b: 1, c: 3 } }));
check('get-set', () => { const o = {}; _.set(o, 'a[0].b.c', 4); return [_.get(o, 'a[0].b.c'), _.has(o, ['a', '0', 'b']), _.unset(o, 'a[0].b.c'), o]; });
check('mapValues', () => _.mapValues({ a: { n: 1 }, b: { n: 2 } }, 'n'));
check('merge', () => _.merge({ a: [{ b: 2 }, { d: 4 }] }, { a: [{ c: 3 }, { e: 5 }] }));
check('omitPick', () => [_.omit({ a: 1, b: '2', c: 3 }, ['a', 'c']), _.pickBy({ a: 1, b: '2', c: 3 }, _.isNumber)]);
check('transform', () => _.transform({ a: 1, b: 2, c: 1 }, (r, v, k) => { (r[v] || (r[v] = [])).push(k); }, {}));
check('invert', () => _.invertBy({ a: 1, b: 2, c: 1 }, (v) => 'group' + v));
// Seq
check('chain', () => _.chain(users).sortBy('age').map((o) => o.user + ' is ' + o.age).head().value());
check('lazy', () => _(_.range(1, 1000)).map((n) => n * n).filter((n) => n % 3 === 0).take(5).value());
check('tap-thru', () => _([1, 2, 3]).tap((a) => a.pop()).reverse().value());
// Strings
check('strings', () => [_.camelCase('--foo-bar--'), _.kebabCase('fooBar'), _.snakeCase('Foo Bar'), _.startCase('__FOO_BAR__'), _.deburr('déjà vu'), _.escape('fred, barney, & <pebbles>'), _.unescape('&lt;b&gt;'), _.pad('abc', 8, '_-'), _.truncate('hi-diddly-ho there, neighborino', { length: 24, separator: /,? +/ }), _.words('fred, barney, & pebbles', /[^, ]+/g)]);
check('template', () => _.template('hello <%= user %>! <% _.forEach(list, function(x) { %><li><%- x %></li><% }); %>')({ user: 'fred', list: ['<a>', 'b'] }));
check('template-source-runs', () => _.template('${a} + ${b}')({ a: 1, b: 2 }));
// Utils
check('util', () => [_.times(4, _.constant(0)), _.range(0, 20, 5), _.rangeRight(4), _.uniqueId('contact_').startsWith('contact_'), _.attempt(() => { throw new Error('boom'); }).message, _.cond([[_.matches({ a: 1 }), _.constant('matches A')], [_.stubTrue, _.constant('no match')]])({ a: 1, b: 2 })]);
check('property-method', () => [_.map([{ a: { b: 2 } }], _.property('a.b')), _.invoke({ a: [{ b: { c: [1, 2, 3, 4] } }] }, 'a[0].b.c.slice', 1, 3)]);
check('debounce-type', () => typeof _.debounce(() => 1, 10).cancel);
check('VERSION', () => _.VERSION);
console.log(out.join('\n'));
