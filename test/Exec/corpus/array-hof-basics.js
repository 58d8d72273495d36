// map, filter, reduce, reduceRight, flatMap, find/findLast, some/every, Array.from with mapper, thisArg.
const xs = [5, 1, 4, 2, 3];
console.log(xs.map((v, i) => v * i).join(), xs.filter(v => v % 2).join(), xs.reduce((a, v) => a + v), xs.reduceRight((a, v) => a + v, ""));
console.log(JSON.stringify(xs.flatMap(v => v > 3 ? [v, [v]] : [])), JSON.stringify([1, [2, [3, [4]]]].flat(2)));
console.log(xs.find(v => v > 3), xs.findIndex(v => v > 3), xs.findLast(v => v > 3), xs.findLastIndex(v => v > 10));
console.log(xs.some(v => v > 4), xs.every(v => v > 0), [].every(() => false), [].some(() => true));
console.log(Array.from({ length: 4 }, (_, i) => i * i).join(), Array.from("abc", function (c) { return c + this.s; }, { s: "!" }).join());
console.log(xs.map(function () { return this.k; }, { k: "K" })[0], [1, 2, 3].map(parseInt).join());
const calls = [];
[10, 20].forEach((v, i, arr) => calls.push(`${i}:${v}:${arr.length}`));
console.log(calls.join(" "), [1, 2, 3].at(-1), [3, 4].entries().next().value.join());
console.log(JSON.stringify([1, 2, 3, 4, 5].copyWithin(0, 3)), JSON.stringify(new Array(3).fill().map((_, i) => i)));
console.log([1, 2, 3].includes(NaN), [NaN].includes(NaN), [NaN].indexOf(NaN), JSON.stringify([3, 1, 2].toSorted()), [1, 2, 3].toReversed().join(), [1, 2, 3].with(1, 9).join());
