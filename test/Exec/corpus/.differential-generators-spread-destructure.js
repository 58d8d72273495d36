function $h14(o) {
  var m, it;
  m = o[Symbol.iterator];
  if (typeof m !== "function")
    throw new TypeError(String(o) + " is not iterable");
  it = m.call(o);
  if (Object(it) !== it)
    throw new TypeError("Result of the Symbol.iterator method is not an object");
  return [it, it.next];
}
function $h15(it, next) {
  var r;
  r = next.call(it);
  if (Object(r) !== r)
    throw new TypeError("Iterator result " + String(r) + " is not an object");
  return r;
}
function $h17(it) {
  var r, res;
  r = it.return;
  if (r === undefined || r === null)
    return;
  res = r.call(it);
  if (Object(res) !== res)
    throw new TypeError("Iterator result " + String(res) + " is not an object");
}
function $h16(it) {
  var r;
  try {
    r = it.return;
    if (r !== undefined && r !== null)
      r.call(it);
  } catch (e) {}
}
function* nums(n) {
  var $t3;
  try {
    {
      let i = 1;
      $L1: while (i <= n) {
        log.push("yield " + i);
        yield i;
        $t3 = - -i, i = $t3 + $t3 ** 0, $t3;
      }
    }
  } finally {
    log.push("closed");
  }
}
function* fib() {
  let [x, y] = [0, 1];
  {
    $L4: while (true) {
      yield x;
      [x, y] = [y, x + y];
    }
  }
}
const log = [];
console.log(Math.max(...nums(3)), log.join(","));
log.length = 0;
const [a, b] = nums(5);
console.log(a, b, log.join(","));
log.length = 0;
const [first, ...rest] = nums(3);
console.log(first, rest.join(), log.join(","));
const m = new Map(function* () {
  yield ["k1", 1];
  yield ["k2", 2];
}());
console.log(JSON.stringify([...m]));
const taken = [];
{
  const $r8 = $h14(fib());
  const $it9 = $r8[0];
  const $next10 = $r8[1];
  let $act11 = false;
  try {
    $L6: while (true) {
      const $s12 = $h15($it9, $next10);
      if ($s12.done)
        break $L6;
      $act11 = true;
      const f = $s12.value;
      if (taken.length === 10)
        break $L6;
      taken.push(f);
      $act11 = false;
    }
  } catch ($e13) {
    if ($act11) {
      $act11 = false;
      $h16($it9);
    }
    throw $e13;
  } finally {
    if ($act11) {
      $act11 = false;
      $h17($it9);
    }
  }
}
console.log(taken.join());
const obj = Object.fromEntries(function* () {
  yield ["a", 1];
  yield ["b", 2];
}());
console.log(JSON.stringify(obj));
