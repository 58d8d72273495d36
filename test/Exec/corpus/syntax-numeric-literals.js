// Numeric literal forms: hex, octal, binary, separators, exponents, legacy octal, BigInt literals, member access on literals.
console.log(0xff, 0o17, 0b1010, 1_000_000, 0.000_001, 1e3, 1E-3, .5, 5., 0xFF_FF, 2e+2);
console.log(010, 019, 0.1e1, 1..toString(), 1.0.toFixed(1), 5 .toString(2), (255).toString(16));
console.log(0x1fn + 0o7n + 0b11n + 1_000n + "", typeof 10n, 9007199254740993n + "");
console.log(0.1 * 3, 1 / 3, 123e-20, 1e300 * 1e10, -1e-320, 5e-324 / 2, 2 ** 1023 * 2);
console.log(Number("0b101"), Number("0o17"), Number("1_000"), parseInt("1_000"), Number("-0x10"), +"0x10");
