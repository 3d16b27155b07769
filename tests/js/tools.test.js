// The escalation finder's and the priority check's pure parts: country look-up, licence
// counts, verdicts, the remembered region, and the placeholders of locale texts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { countriesAt, findCountry, foldName, parseCount, priorityVerdict, withNamesOf } from "../../overrides/assets/portal/js/lib/countries.js";
import { CHOICE_KEY, readChoice, writeChoice } from "../../overrides/assets/portal/js/lib/choice.js";
import { fill, fillParts } from "../../overrides/assets/portal/js/lib/fill.js";
import { countries, priorityRegions } from "./fixtures/tools.js";

test("a country is found by its name, whatever the case, accents and apostrophes", () => {
  assert.equal(findCountry(countries, "France").code, "FR");
  assert.equal(findCountry(countries, "  france ").code, "FR");
  assert.equal(findCountry(countries, "cote d'ivoire").code, "CI");
  assert.equal(findCountry(countries, "Côte d’Ivoire").code, "CI");
  assert.equal(findCountry(countries, "viet nam").code, "VN");
  assert.equal(findCountry(countries, "aland islands").code, "AX");
  assert.equal(findCountry(countries, "fr").code, "FR", "an ISO code works too");
  assert.equal(findCountry(countries, "Fr", { codes: false }), null, "while typing, 'Fr' is the start of a name");
  assert.equal(findCountry(countries, "Fran"), null, "a partial name is no answer");
  assert.equal(findCountry(countries, ""), null);
  assert.equal(foldName("Đà\u00a0Nẵng"), "da nang");
});

test("a country is found by its other CLDR names too, its own name first", () => {
  const german = [
    { code: "US", name: "Vereinigte Staaten", other_names: ["USA"] },
    { code: "CI", name: "Côte d’Ivoire", other_names: ["Elfenbeinküste"] },
    { code: "HK", name: "Sonderverwaltungsregion Hongkong", other_names: ["Hongkong"] },
  ];
  assert.equal(findCountry(german, "usa").code, "US");
  assert.equal(findCountry(german, "Elfenbeinkuste").code, "CI");
  assert.equal(findCountry(german, "Hongkong", { codes: false }).code, "HK");
  assert.equal(findCountry(german, "Hong"), null, "a partial name is still no answer");
  assert.equal(findCountry([{ code: "XX", name: "Alpha", other_names: ["Beta"] }, { code: "YY", name: "Beta" }], "beta").code, "YY", "a country's own name wins over another's other name");
});

test("the default language's names join a country's other names, once, never its own name", () => {
  const local = [
    { code: "JP", name: "日本", other_names: [], escalation_region: "apj" },
    { code: "US", name: "アメリカ合衆国", other_names: ["アメリカ"], escalation_region: "north-america" },
    { code: "CI", name: "Côte d’Ivoire", other_names: ["Elfenbeinküste"] },
  ];
  const english = [
    { code: "JP", name: "Japan", other_names: [] },
    { code: "US", name: "United States", other_names: ["US"] },
    { code: "CI", name: "Côte d’Ivoire", other_names: ["Ivory Coast"] },
    { code: "XX", name: "Nowhere" },
  ];
  const both = withNamesOf(local, english);
  assert.deepEqual(both.map((c) => c.other_names), [["Japan"], ["アメリカ", "United States", "US"], ["Elfenbeinküste", "Ivory Coast"]]);
  assert.equal(both[0].escalation_region, "apj", "everything else kept");
  assert.deepEqual(withNamesOf(both, english), both, "twice is once");
  assert.equal(findCountry(both, "japan").code, "JP");
  assert.equal(findCountry(local, "japan"), null);
});

test("no document, no names: countriesAt without an address, or when the fetch fails", async () => {
  assert.deepEqual(await countriesAt(undefined), []);
  assert.deepEqual(await countriesAt("http://127.0.0.1:9/api/portal.json"), []);
});

test("licence counts: whole numbers, with the group separators of any language", () => {
  assert.equal(parseCount("99"), 99);
  assert.equal(parseCount(" 100 "), 100);
  assert.equal(parseCount("1,200"), 1200);
  assert.equal(parseCount("1\u202f200"), 1200);
  assert.equal(parseCount("1.200"), 1200);
  assert.equal(parseCount("0"), 0);
  assert.equal(parseCount(""), null);
  assert.equal(parseCount("-5"), null);
  assert.equal(parseCount("12.5x"), null);
  // A decimal or a badly grouped number is no count of licences (it read 12.5 as 125).
  assert.equal(parseCount("12.5"), null);
  assert.equal(parseCount("1.2.3"), null);
  assert.equal(parseCount("1,20"), null);
  assert.equal(parseCount("1.200,000"), null);
  assert.equal(parseCount("1.200.000"), 1200000);
  assert.equal(parseCount("1 200 000"), 1200000);
  assert.equal(parseCount("1234567890"), null);
  assert.equal(parseCount("ten"), null);
});

test("priority verdict against the region's threshold", () => {
  const [india, europe, nowhere] = priorityRegions;
  assert.equal(priorityVerdict(india, 99), "not-eligible");
  assert.equal(priorityVerdict(india, 100), "eligible");
  assert.equal(priorityVerdict(europe, 60), "eligible");
  assert.equal(priorityVerdict(europe, 59), "not-eligible");
  assert.equal(priorityVerdict(nowhere, 1000), "not-offered");
});

class MemoryStorage {
  constructor() { this.items = new Map(); }
  getItem(key) { return this.items.has(key) ? this.items.get(key) : null; }
  setItem(key, value) { this.items.set(key, String(value)); }
}

test("the chosen region is remembered, versioned, and checked on the way back", () => {
  const storage = new MemoryStorage();
  assert.equal(readChoice(storage), null);
  assert.equal(writeChoice(storage, { region: "europe-uk", country: "FR" }), true);
  assert.deepEqual(JSON.parse(storage.getItem(CHOICE_KEY)), { v: 1, region: "europe-uk", country: "FR" });
  assert.deepEqual(readChoice(storage), { region: "europe-uk", country: "FR" });
  assert.deepEqual(readChoice(storage, ["anz", "europe-uk"]), { region: "europe-uk", country: "FR" });
  assert.equal(readChoice(storage, ["anz"]), null, "a region the data no longer has is forgotten");
  writeChoice(storage, { region: "india" });
  assert.deepEqual(readChoice(storage), { region: "india" });
  storage.setItem(CHOICE_KEY, "{not json");
  assert.equal(readChoice(storage), null);
  storage.setItem(CHOICE_KEY, JSON.stringify({ v: 2, region: "india" }));
  assert.equal(readChoice(storage), null);
  storage.setItem(CHOICE_KEY, JSON.stringify({ v: 1, region: "india", country: "<b>" }));
  assert.deepEqual(readChoice(storage), { region: "india" });
  // Storage that throws (blocked) or is missing: nothing remembered, nothing thrown.
  const blocked = { getItem() { throw new Error("denied"); }, setItem() { throw new Error("denied"); } };
  assert.equal(readChoice(blocked), null);
  assert.equal(writeChoice(blocked, { region: "india" }), false);
  assert.equal(writeChoice(null, { region: "india" }), false);
});

test("locale texts: placeholders filled, literal braces kept, values may be nodes", () => {
  assert.equal(fill("{country} escalates to {region}.", { country: "France", region: "Europe" }), "France escalates to Europe.");
  assert.equal(fill("{{literal}} {x}", { x: 1 }), "{literal} 1");
  assert.equal(fill("{missing} stays", {}), "{missing} stays");
  const node = { tag: "strong" };
  assert.deepEqual(fillParts("In {region}: {count}.", { region: node, count: 3 }), ["In ", node, ": ", 3, "."]);
  assert.deepEqual(fillParts("{a}{b}", { a: "x", b: "y" }), ["x", "y"]);
  assert.equal(fill("<b>{x}</b>", { x: "<i>" }), "<b><i></b>", "text, never HTML: the caller inserts it as text");
});
