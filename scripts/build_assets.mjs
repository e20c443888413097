#!/usr/bin/env node
// Copies the front-end files clusterhub serves from node_modules into
// clusterhub/core/static/vendor/, so a machine with only Python runs the site.
// The copies are committed; `--check` rebuilds into a temporary folder and fails
// when the committed files differ (by SHA-256), like netbox's asset check.
//
//   node scripts/build_assets.mjs           # (re)write the vendor folder
//   node scripts/build_assets.mjs --check   # exit 1 if a rebuild would change it

import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, mkdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const modules = join(repoRoot, "node_modules");
const vendorDir = join(repoRoot, "clusterhub", "core", "static", "vendor");
// Hand-written files in the vendor folder that the build neither writes nor checks.
const handWritten = new Set(["README.md"]);

const kern = join(modules, "@kern-ux", "native");
const tomSelect = join(modules, "tom-select");
const kernFontFiles = readFileSync(join(kern, "dist", "fonts", "fira-sans.css"), "utf8")
  .match(/FiraSans-[A-Za-z]+\.woff2/g);

// [source relative to node_modules package, destination relative to vendor/]
const copies = [
  // kern.min.css already contains the grid and utility classes; fonts load separately.
  [join(kern, "dist", "kern.min.css"), "kern/kern.min.css"],
  [join(kern, "dist", "fonts", "fira-sans.css"), "kern/fonts/fira-sans.css"],
  // Only the ten faces fira-sans.css references, not the 33 files the package ships.
  ...[...new Set(kernFontFiles)].map((name) => [
    join(kern, "dist", "fonts", "fira-sans", name),
    `kern/fonts/fira-sans/${name}`,
  ]),
  // Web component for the federal "Kopfzeile" banner (optional in templates).
  [join(kern, "dist", "js", "kern-kopfzeile.js"), "kern/kern-kopfzeile.js"],
  [join(kern, "LICENSE.md"), "kern/LICENSE.md"],
  [join(modules, "htmx.org", "dist", "htmx.min.js"), "htmx/htmx.min.js"],
  [join(modules, "htmx.org", "LICENSE"), "htmx/LICENSE"],
  // Multiple selects that list every chosen value (clusterhub/multiselect.js starts them).
  // The source maps come along: the minified files name them, and a manifest storage that
  // rewrites those references fails on a missing one.
  ...["js/tom-select.popular.min.js", "css/tom-select.min.css"].flatMap((file) => [
    [join(tomSelect, "dist", file), `tom-select/${file.split("/")[1]}`],
    [join(tomSelect, "dist", `${file}.map`), `tom-select/${file.split("/")[1]}.map`],
  ]),
  [join(tomSelect, "LICENSE"), "tom-select/LICENSE"],
  // Charts of the insight pages (clusterhub/charts.js draws them with the SVG renderer).
  // The full build: graph and heat map are not in the "common" one.
  [join(modules, "echarts", "dist", "echarts.min.js"), "echarts/echarts.min.js"],
  [join(modules, "echarts", "LICENSE"), "echarts/LICENSE"],
  // The map of material streams (clusterhub/streams_map.js). Its style sheet names the marker
  // and layer images and the script its source map; a manifest storage needs them all.
  ...["leaflet.js", "leaflet.js.map", "leaflet.css"].map((file) => [
    join(modules, "leaflet", "dist", file),
    `leaflet/${file}`,
  ]),
  ...["layers.png", "layers-2x.png", "marker-icon.png", "marker-icon-2x.png", "marker-shadow.png"].map(
    (file) => [join(modules, "leaflet", "dist", "images", file), `leaflet/images/${file}`],
  ),
  [join(modules, "leaflet", "LICENSE"), "leaflet/LICENSE"],
];

function packageVersion(name) {
  return JSON.parse(readFileSync(join(modules, name, "package.json"), "utf8")).version;
}

function build(targetDir) {
  for (const [source, destination] of copies) {
    if (!existsSync(source)) {
      throw new Error(`missing ${relative(repoRoot, source)}: run "npm ci" first`);
    }
    const target = join(targetDir, destination);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(source, target);
  }
}

function checksums(dir) {
  const sums = new Map();
  const walk = (current) => {
    for (const entry of readdirSync(current)) {
      const path = join(current, entry);
      const name = relative(dir, path).split("\\").join("/");
      if (statSync(path).isDirectory()) walk(path);
      else if (!handWritten.has(name)) {
        sums.set(name, createHash("sha256").update(readFileSync(path)).digest("hex"));
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return sums;
}

function clearBuilt(dir) {
  for (const name of checksums(dir).keys()) rmSync(join(dir, name));
  for (const sub of ["kern", "htmx", "tom-select", "echarts"]) {
    if (existsSync(join(dir, sub))) rmSync(join(dir, sub), { recursive: true, force: true });
  }
}

const versions = `@kern-ux/native ${packageVersion("@kern-ux/native")}, htmx.org ${packageVersion("htmx.org")}, tom-select ${packageVersion("tom-select")}, echarts ${packageVersion("echarts")}, leaflet ${packageVersion("leaflet")}`;

if (process.argv.includes("--check")) {
  const scratch = mkdtempSync(join(tmpdir(), "clusterhub-assets-"));
  try {
    build(scratch);
    const expected = checksums(scratch);
    const committed = checksums(vendorDir);
    const problems = [];
    for (const [name, sum] of expected) {
      if (!committed.has(name)) problems.push(`missing:  ${name}`);
      else if (committed.get(name) !== sum) problems.push(`differs:  ${name}`);
    }
    for (const name of committed.keys()) {
      if (!expected.has(name)) problems.push(`stray:    ${name}`);
    }
    if (problems.length) {
      console.error(`vendor assets are out of date (${versions}); run "make assets":`);
      for (const line of problems) console.error(`  ${line}`);
      process.exit(1);
    }
    console.log(`vendor assets match a fresh build (${expected.size} files; ${versions})`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
} else {
  clearBuilt(vendorDir);
  build(vendorDir);
  console.log(`wrote ${copies.length} files to ${relative(repoRoot, vendorDir)} (${versions})`);
}
