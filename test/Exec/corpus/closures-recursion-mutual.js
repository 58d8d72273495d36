// Recursion and mutual recursion via declarations, expressions and closures.
function isEven(n) { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n) { return n === 0 ? false : isEven(n - 1); }
console.log(isEven(10), isOdd(7), isEven(3));
const fact = function f(n) { return n <= 1 ? 1 : n * f(n - 1); };
console.log(fact(10));
let fib = n => n < 2 ? n : fib(n - 1) + fib(n - 2);
const oldFib = fib;
console.log(oldFib(15));
fib = () => 0;
console.log(oldFib(5));
function ackermann(m, n) { return m === 0 ? n + 1 : n === 0 ? ackermann(m - 1, 1) : ackermann(m - 1, ackermann(m, n - 1)); }
console.log(ackermann(2, 3));
function hanoi(n, a, b, c, moves) { if (n === 0) return moves; hanoi(n - 1, a, c, b, moves); moves.push(a + c); return hanoi(n - 1, b, a, c, moves); }
console.log(hanoi(3, "A", "B", "C", []).join(" "));
const named = function g() { try { g = 1; } catch (e) { return "error"; } return typeof g; };
console.log(named());
