// Array HOF callbacks that mutate the array: visited range fixed at start, deleted elements skipped.
const a = [1, 2, 3, 4];
const seen = [];
a.forEach((v, i, arr) => { seen.push(v); if (i === 0) { arr.push(99); arr[2] = 30; } if (i === 1) arr.pop(); });
console.log(seen.join(), JSON.stringify(a));
const b = [1, 2, 3, 4, 5];
const mapped = b.map((v, i, arr) => { if (i === 1) arr.splice(3, 1); return v * 10; });
console.log(JSON.stringify(mapped), 3 in mapped, JSON.stringify(b));
const c = [5, 6, 7];
const filtered = c.filter((v, i, arr) => { arr[i + 1] = 0; return v > 0; });
console.log(filtered.join(), c.join());
const d = [1, 2, 3];
console.log(d.reduce((acc, v, i, arr) => { if (i === 1) arr.push(100); return acc + v; }, 0), d.length);
const e = [3, 1, 2];
console.log(e.some((v, i, arr) => { arr.unshift(0); return v === 3 && i > 0; }), e.length);
