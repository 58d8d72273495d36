// BigInt arithmetic: factorials, powers, division truncation, mixing rules, conversions.
function fact(n) { let r = 1n; for (let i = 2n; i <= n; i++) r *= i; return r; }
console.log(fact(30n).toString(), fact(25n) % 1000007n + "");
console.log((2n ** 100n).toString(), (2n ** 100n).toString(36), BigInt("0x" + "ff".repeat(8)).toString());
console.log(BigInt(Number.MAX_SAFE_INTEGER) + 2n + "", Number(2n ** 60n), parseInt((2n ** 60n).toString()));
console.log(-(5n) + "", (5n - 10n) + "", (-9n / 4n) + "", (9n / -4n) + "", (-9n % 4n) + "");
console.log(10n > 9, 10n < 10.5, 0n == false, 1n == "1", [3n, 1n, 2n].sort().join(), [10n, 9n, 1n].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join());
try { BigInt(1.5); } catch (e) { console.log(e.name); }
try { 1n / 0n; } catch (e) { console.log(e.name); }
try { Math.max(1n); } catch (e) { console.log(e.name); }
console.log(typeof BigInt(10), BigInt(true) + "", BigInt.asIntN(64, 2n ** 63n) + "", (123n).toLocaleString("en-US"));
function gcd(a, b) { while (b) [a, b] = [b, a % b]; return a; }
console.log(gcd(2n ** 64n, 6n ** 20n) + "");
