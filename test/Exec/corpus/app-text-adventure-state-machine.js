// Realistic: a text adventure driven by a scripted command list; rooms, inventory, locked doors, a state machine for an NPC.
const rooms = {
  hall: { desc: "a dusty hall", exits: { north: "library", east: "kitchen" }, items: ["lamp"] },
  library: {
    desc: "a silent library",
    exits: { south: "hall", up: "attic" },
    items: ["book"],
    locked: { up: "brass key" },
  },
  kitchen: { desc: "a cold kitchen", exits: { west: "hall", down: "cellar" }, items: ["knife", "bread"] },
  cellar: { desc: "a dark cellar", exits: { up: "kitchen" }, items: ["brass key"], dark: true },
  attic: { desc: "a cramped attic", exits: { down: "library" }, items: ["treasure"] },
};
const npc = {
  state: "hungry",
  location: "kitchen",
  transitions: {
    hungry: {
      give: item =>
        item === "bread"
          ? ["content", "The cat devours the bread and purrs."]
          : ["hungry", "The cat sniffs the " + item + " and hisses."],
    },
    content: {
      pet: () => ["friendly", "The cat rubs against your leg."],
      give: () => ["content", "The cat ignores it."],
    },
    friendly: {
      pet: () => ["friendly", "The cat follows you."],
      give: () => ["friendly", "The cat is already happy."],
    },
  },
};
const game = { room: "hall", inventory: new Set(), moves: 0, score: 0, over: false, lit: false };
const handlers = {
  look() {
    const r = rooms[game.room];
    if (r.dark && !game.lit) return "It is pitch black.";
    const items = r.items.length ? " You see: " + r.items.join(", ") + "." : "";
    const cat = npc.location === game.room ? ` A ${npc.state} cat is here.` : "";
    return `You are in ${r.desc}. Exits: ${Object.keys(r.exits).join(", ")}.${items}${cat}`;
  },
  go(dir) {
    const r = rooms[game.room];
    const dest = r.exits[dir];
    if (!dest) return "You can't go " + dir + ".";
    const need = r.locked && r.locked[dir];
    if (need && !game.inventory.has(need)) return `The way ${dir} is locked.`;
    game.room = dest;
    if (npc.state === "friendly") npc.location = dest;
    return handlers.look();
  },
  take(item) {
    const r = rooms[game.room];
    if (r.dark && !game.lit) return "You fumble in the dark.";
    const i = r.items.indexOf(item);
    if (i < 0) return `There is no ${item} here.`;
    r.items.splice(i, 1);
    game.inventory.add(item);
    if (item === "treasure") {
      game.score += 50;
      game.over = true;
      return "You found the treasure!";
    }
    game.score += 5;
    return `Taken: ${item}.`;
  },
  drop(item) {
    if (!game.inventory.delete(item)) return `You don't have ${item}.`;
    rooms[game.room].items.push(item);
    if (item === "lamp") game.lit = false;
    return `Dropped: ${item}.`;
  },
  light() {
    if (!game.inventory.has("lamp")) return "You have nothing to light.";
    game.lit = true;
    return "The lamp glows.";
  },
  inventory() {
    return game.inventory.size ? "You carry: " + [...game.inventory].sort().join(", ") : "You carry nothing.";
  },
  give(item) {
    return interact("give", item);
  },
  pet() {
    return interact("pet");
  },
};
function interact(action, arg) {
  if (npc.location !== game.room) return "There is no one here.";
  if (action === "give") {
    if (!game.inventory.has(arg)) return `You don't have ${arg}.`;
  }
  const t = npc.transitions[npc.state][action];
  if (!t) return "Nothing happens.";
  const [next, msg] = t(arg);
  if (action === "give" && next !== npc.state) {
    game.inventory.delete(arg);
    game.score += 10;
  }
  npc.state = next;
  return msg;
}
const aliases = {
  n: "go north",
  s: "go south",
  e: "go east",
  w: "go west",
  u: "go up",
  d: "go down",
  i: "inventory",
  l: "look",
};
function exec(line) {
  const words = (aliases[line] || line).trim().toLowerCase().split(/\s+/);
  const [verb, ...rest] = words;
  const h = handlers[verb];
  if (!h) return `I don't know how to "${verb}".`;
  game.moves++;
  return h(rest.join(" "));
}
const script = [
  "look",
  "take lamp",
  "e",
  "give knife",
  "take knife",
  "give knife",
  "take bread",
  "give bread",
  "pet",
  "pet",
  "d",
  "take brass key",
  "light",
  "look",
  "take brass key",
  "u",
  "w",
  "n",
  "u",
  "dance",
  "drop sword",
  "i",
  "u",
  "take treasure",
  "look",
];
for (const cmd of script) {
  if (game.over) {
    console.log("> " + cmd + "\n  (game over)");
    continue;
  }
  console.log("> " + cmd + "\n  " + exec(cmd));
}
console.log(
  JSON.stringify(
    { room: game.room, moves: game.moves, score: game.score, cat: npc, inv: [...game.inventory] },
    (k, v) => (k === "transitions" ? undefined : v),
  ),
);
