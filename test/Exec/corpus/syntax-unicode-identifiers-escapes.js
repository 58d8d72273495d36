// Unicode identifiers, identifier escapes, and string/template escape sequences.
const café = "coffee", π = Math.PI, ünïcödé = 1, _$ = "underscore dollar", \u0061bc = "escaped abc", \u{1d4b3}x = "astral";
console.log(café, π.toFixed(5), ünïcödé, _$, abc, 𝒳x);
const o = { \u0062: "b via escape", ["\u{1F600}"]: "emoji key" };
console.log(o.b, o["😀"]);
console.log("\x41\u0042\u{43}\t|\v|".length, "a\
b", "\0".charCodeAt(0), "\u2028".length, '\'', "\"");
console.log(`\x41${"\u{1F600}"}\``.length, "\uD83D\uDE00" === "😀", "𝒳".length, [..."𝒳"].length);
console.log(String.raw`\u0041\x41`, "\101" === "A" ? "legacy octal escape ok" : "no");
