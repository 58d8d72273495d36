// Left-associative + with mixed strings and numbers; unary plus and minus coercions.
console.log(1 + 2 + "3", "1" + 2 + 3, 1 + (2 + "3"), "3" - 1 + 1, "3" * "4", +"", +" 12 ", -"5", +[], +{}, [] + {}, [] + [], {} + []);
console.log(true + 1, null + 1, undefined + 1, "x" + null, 1 + [2, 3], 10 / "2", "10" / "x", +true, -false);
console.log(2 ** 3 ** 2, (-2) ** 2, 2 ** -1, -(2 ** 2));
let i = "1";
i = i + 1;
i = i - 1;
console.log(i, typeof i);
console.log([1, 2] + [3], String([1, [2, [3]]]), `${[]}` === "", 0.1 * 3, 9007199254740993 + "");
