// RegExp flags, exec results, multiline/dotAll, lookbehind, backreferences.
console.log(/a.c/s.test("a\nc"), /a.c/.test("a\nc"), /^b/m.test("a\nb"), /^b/.test("a\nb"));
const r = /(\w)(\d)?/.exec("x");
console.log(r.length, r[2], r.index, r.input);
console.log(/(?<=\$)\d+/.exec("cost $45")[0], /(?<!\$)\b\d+/.exec("$45 or 99")[0]);
console.log(/(a)\1/.test("aa"), /(?<ch>.)\k<ch>/.exec("xyzzy")[0]);
const re = new RegExp("a+", "gi");
console.log(re.source, re.flags, re.global, String(re), "AaAba".match(re).join("|"));
console.log(/[\u{1F600}]/u.test("😀"), "😀".length, /^.$/u.test("😀"), /^.$/.test("😀"));
console.log(RegExp.prototype.toString.call(/a\/b/), new RegExp("/").source);
try { new RegExp("("); } catch (e) { console.log(e.name); }
