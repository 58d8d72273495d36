// Compound assignment and ++/-- on BigInt values, plus BigInt errors.
let b = 10n;
b += 5n; b *= 3n; b -= 1n; b /= 4n; b %= 7n; b **= 3n;
console.log(String(b));
b++; ++b; b--;
console.log(b.toString(), typeof b);
const o = { v: 2n ** 64n };
o.v--;
console.log(o.v.toString());
console.log((-7n / 2n).toString(), (-7n % 2n).toString());
console.log((1n << 70n).toString(16), (255n >> 4n).toString(), (5n & 3n).toString());
try { b + 1; } catch (e) { console.log(e.name + ": " + e.message); }
try { +b; } catch (e) { console.log(e.name); }
console.log(1n == 1, 1n === 1, 2n > 1, typeof Object(1n));
console.log(BigInt.asIntN(8, 255n).toString(), BigInt.asUintN(8, -1n).toString());
console.log(JSON.stringify({ s: String(123n) }), `${12345678901234567890n}`);
console.log((0n ? "t" : "f"), -0n === 0n);
