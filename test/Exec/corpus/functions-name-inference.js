// Function names come from NamedEvaluation: assignments, declarations,
// property keys and defaults name anonymous functions; arguments, array
// elements and comma expressions do not. Compilers that store values in
// temporaries must not change any of them.
'use strict';
const names = [];
const show = (label, f) => names.push(`${label}=${JSON.stringify(f.name)}`);
function id(x) { return x; }
const a = () => 1;
let b;
b = function () {};
const o = { c: () => 2, ['d' + 1]: function () {}, e: class {}, get f() { return 1; } };
show('a', a);
show('b', b);
show('c', o.c);
show('d1', o.d1);
show('e', o.e);
show('getter', Object.getOwnPropertyDescriptor(o, 'f').get);
show('arg', id(() => 3));
show('arg-call', id((() => () => 4)()));
show('array', [() => 5][0]);
show('comma', (0, function () {}));
show('cond', (names.length > 0 ? () => 6 : null));
show('logical', null || (() => 7));
function withDefault(f = () => 8) { return f; }
show('default', withDefault());
const { g = () => 9 } = {};
show('destructured-default', g);
const h = id(function named() {});
show('named', h);
class K { static m = () => 10; n = function () {}; }
show('static-field', K.m);
show('field', new K().n);
let i;
i ??= () => 11;
show('nullish-assign', i);
console.log(names.join('\n'));
