// x + f() where f mutates x: left operand is read before the call.
var x = 1;
function f() { x = 100; return 10; }
console.log(x + f());
console.log(x);
let y = 2;
function g() { y = 50; return 3; }
console.log(y * g(), y);
var s = "a";
function h() { s = "zzz"; return "b"; }
console.log(s + h() + s);
