// && || ?? and ?: only evaluate the needed operand.
const log = [];
function t(name, v) { log.push(name); return v; }
console.log(t("a", 0) && t("b", 1));
console.log(t("c", 1) && t("d", 2));
console.log(t("e", 0) || t("f", "x"));
console.log(t("g", "y") || t("h", 1));
console.log(t("i", null) ?? t("j", 5));
console.log(t("k", 0) ?? t("l", 5));
console.log(t("m", true) ? t("n", 1) : t("o", 2));
console.log(t("p", false) ? t("q", 1) : t("r", 2));
console.log((t("s", 0) || t("t", 0)) && t("u", 1));
console.log(log.join(","));
