// Loose vs strict equality and relational coercions across types.
const vals = [0, -0, "", "0", " ", null, undefined, false, true, NaN, [], [0], {}, "1", 1];
const names = ["0", "-0", '""', '"0"', '" "', "null", "undef", "false", "true", "NaN", "[]", "[0]", "{}", '"1"', "1"];
const rows = [];
for (let i = 0; i < vals.length; i++) {
  let row = names[i].padEnd(6) + " ";
  for (let j = 0; j < vals.length; j++) row += vals[i] == vals[j] ? "=" : vals[i] === vals[j] ? "!" : ".";
  rows.push(row);
}
console.log(rows.join("\n"));
console.log(null >= 0, null > 0, null == 0, undefined >= 0, "b" > "a", "2" > "12", 2 > "12", [2] > 1, "abc" < "abcd");
