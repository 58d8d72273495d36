// return in finally overrides try's return and a thrown exception.
function a() { try { return "try"; } finally { return "finally"; } }
function b() { try { throw new Error("lost"); } finally { return "finally wins"; } }
function c() { try { return "try"; } finally { console.log("finally runs, no override"); } }
let x = 0;
function d() { try { return x; } finally { x = 10; } }
function e() { try { return "t"; } catch (err) { return "c"; } finally { } }
function f() { outer: try { return "try"; } finally { break outer; } return "after break in finally"; }
console.log(a(), b(), c(), d(), x, e(), f());
const o = { v: 1 };
function g() { try { return o; } finally { o.v = 2; } }
console.log(JSON.stringify(g()));
