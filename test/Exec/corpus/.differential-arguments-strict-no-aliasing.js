"use strict";
let $t5, $t6, $t7, $t8, $t9, $t10;
function f(a, b) {
  let $t1, $t2, $t3, $t4;
  a = "changed";
  arguments[1] = "via-arguments";
  $t1 = JSON;
  $t2 = $t1.stringify;
  $t3 = [arguments[0], b, arguments.length];
  $t4 = $t2.call($t1, $t3);
  return $t4;
}
$t5 = console;
$t6 = $t5.log;
$t7 = f(1, 2);
$t6.call($t5, $t7);
function g() {
  try {
    return arguments.callee;
  } catch (e) {
    return e.name;
  }
}
$t8 = console;
$t9 = $t8.log;
$t10 = g();
$t9.call($t8, $t10);
