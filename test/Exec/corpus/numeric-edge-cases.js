// -0, NaN, Infinity printing and comparisons, float formatting, integer limits.
console.log(-0, String(-0), JSON.stringify(-0), [-0].join(), `${-0}`, Object.is(-0, 0), -0 === 0, 1 / -0);
console.log(NaN === NaN, Object.is(NaN, NaN), isNaN("abc"), Number.isNaN("abc"), [NaN].indexOf(NaN), [NaN].includes(NaN));
console.log(Infinity - Infinity, Infinity * 0, -Infinity, 1 / 0, Math.max(), Math.min(), (-8) ** (1 / 3));
console.log(0.1 + 0.2, 0.1 + 0.2 === 0.3, (0.1 + 0.2).toFixed(2), 1e21, 1e-7, 123456789012345680000, 2 ** 53 === 2 ** 53 + 1);
console.log(Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, Number.EPSILON > 0, Number.MAX_VALUE * 2);
console.log((255).toString(16), (255).toString(2), (-7.5).toString(2), (0.5).toString(3), parseInt("0x1f"), parseInt("08"), parseFloat("3.14abc"), Number(""), Number(" 12 "), Number("1e3"), Number(null), Number(undefined), Number([5]), Number([1, 2]));
console.log(7 % -3, -7 % 3, 5.5 % 2, -0 % 5, 2 ** -1, (-2) ** 2, 1 / 3);
console.log(1 << 31, 1 << 32, -1 >>> 0, -1 >> 1, 2 ** 32 | 0, ~5, ~~3.7, 3.7 | 0, -3.7 | 0);
console.log(Math.round(-0.5), Math.round(2.5), Math.round(-2.5), Math.trunc(-4.7), Math.sign(-0), Math.floor(-0.5));
console.log((1234.5678).toFixed(1), (0.000001234).toPrecision(2), (1e21).toFixed(2), (123.456).toExponential(2), (25).toString(36));
console.log(Number.parseFloat("-0"), Object.is(Number.parseFloat("-0"), -0), Math.abs(-0), Math.hypot(3, 4), Math.cbrt(27), Math.clz32(1));
