// String methods: slicing, padding, case, search, split/join, unicode, normalize, localeCompare-free.
const s = "Hello, World";
console.log(s.slice(-5), s.substring(5, 0), s.substr(-5, 3), s.at(-1), s.charAt(100) === "", s[100]);
console.log(s.indexOf("o"), s.lastIndexOf("o"), s.includes("World"), s.startsWith("World", 7), s.endsWith("Hello", 5));
console.log("5".padStart(3, "0"), "ab".padEnd(7, "xyz"), "  trim  ".trim() + "|", "  x".trimStart(), "x  ".trimEnd() + "|");
console.log("ß".toUpperCase(), "İ".toLowerCase().length, "ABC".toLowerCase(), "abc".repeat(3), JSON.stringify("a,b,,c".split(",")), JSON.stringify("abc".split("")));
console.log("a-b-c".replaceAll("-", "+"), "x".concat(1, null, [2]), "abc".localeCompare("abd") < 0, String.fromCharCode(72, 105));
const emoji = "👍🏽ok";
console.log(emoji.length, [...emoji].length, emoji.codePointAt(0), emoji.charCodeAt(0), String.fromCodePoint(128077));
console.log("café".normalize("NFD").length, "café".normalize("NFC").length, "\u0065\u0301" === "é", "\u0065\u0301".normalize() === "é");
console.log("abc" < "abd", "B" < "a", "10" < "9", 10 < 9, "a".codePointAt(), "z".localeCompare("a"));
console.log(JSON.stringify("tab\tnew\nline"), "a\u0000b".length, "line1\nline2".split("\n").length, escape === undefined ? "" : encodeURIComponent("a b&c/d"), decodeURIComponent("%E2%9C%93"));
const str = new String("boxed");
console.log(typeof str, str.length, str == "boxed", str === "boxed", Object.keys(str).join());
