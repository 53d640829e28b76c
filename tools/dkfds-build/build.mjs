// Makes the portal's reduced copy of Det Fælles Designsystem in src/Portal/wwwroot/lib/dkfds:
// - the stylesheet with only the selectors the portal's pages, tag helpers and scripts can produce (purgecss);
// - IBM Plex Sans in the weights those styles ask for, cut to Latin (subset-font, HarfBuzz) as woff2, with
//   unicode-range so a name in another script falls back to the system font instead of loading anything more;
// - the images the remaining styles point at, and the licences.
// The output is committed, so running the portal needs no Node; run build.sh again after changing dkfds or the
// classes the pages use.
import { PurgeCSS } from "purgecss";
import subsetFont from "subset-font";
import { mkdir, readFile, rm, writeFile, copyFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const portal = join(here, "..", "..", "src", "Portal");
const source = join(here, "node_modules", "dkfds", "dist");
const output = join(portal, "wwwroot", "lib", "dkfds");
const packages = JSON.parse(await readFile(join(here, "package.json"), "utf8")).devDependencies;

// Latin-1 and Latin Extended-A (Danish, the Nordic languages and most European names), typographic punctuation,
// the euro sign and arrows.
const ranges = [[0x20, 0x7e], [0xa0, 0x17f], [0x2010, 0x2027], [0x2030, 0x203a], [0x20ac, 0x20ac], [0x2122, 0x2122], [0x2190, 0x2193]];
const unicodeRange = ranges.map(([from, to]) => from === to ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`).join(",");
const text = ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, index) => String.fromCodePoint(from + index))).join("");
const weights = { 400: "Regular", 500: "Medium", 600: "SemiBold", 700: "Bold" };

const [purged] = await new PurgeCSS().purge({
  content: [
    join(portal, "**", "*.cshtml"),
    join(portal, "**", "*.cs"),
    join(portal, "wwwroot", "js", "*.js"),
  ],
  skippedContentGlobs: [join(portal, "bin", "**"), join(portal, "obj", "**"), join(portal, "wwwroot", "lib", "**")],
  css: [join(source, "css", "dkfds.min.css")],
  keyframes: true,
  variables: true,
  // Set by the browser or by DKFDS' own conventions rather than written in the portal's markup.
  safelist: { standard: ["html", "body", /^:/], greedy: [/focus-visible/] },
});

// DKFDS declares eight complete faces (with eot, woff and ttf fallbacks) and a "system" face; the portal declares the
// subset faces its styles use instead.
let css = purged.css.replace(/@font-face\{[^}]*\}/g, "");
const usedWeights = new Set([400, 700]);
for (const match of css.matchAll(/font-weight:\s*(\d{3}|bold|normal)/g)) {
  usedWeights.add(match[1] === "bold" ? 700 : match[1] === "normal" ? 400 : Number(match[1]));
}
const siteCss = await readFile(join(portal, "wwwroot", "css", "site.css"), "utf8");
for (const match of siteCss.matchAll(/font-weight:\s*(\d{3})/g)) {
  usedWeights.add(Number(match[1]));
}

await rm(output, { recursive: true, force: true });
await mkdir(join(output, "css"), { recursive: true });
await mkdir(join(output, "fonts"), { recursive: true });

const faces = [];
for (const weight of [...usedWeights].filter(weight => weights[weight]).sort()) {
  const name = `IBMPlexSans-${weights[weight]}-Latin.woff2`;
  const complete = await readFile(join(source, "fonts", "IBMPlexSans", "complete", "woff2", `IBMPlexSans-${weights[weight]}.woff2`));
  await writeFile(join(output, "fonts", name), await subsetFont(complete, text, { targetFormat: "woff2" }));
  faces.push(`@font-face{font-display:swap;font-family:IBM Plex Sans;font-style:normal;font-weight:${weight};src:url(../fonts/${name}) format("woff2");unicode-range:${unicodeRange}}`);
}

// The images the remaining rules point at, and nothing else.
const images = [...new Set([...css.matchAll(/url\((?:"|')?\.\.\/img\/([^)"']+)(?:"|')?\)/g)].map(match => match[1]))];
for (const image of images) {
  await mkdir(dirname(join(output, "img", image)), { recursive: true });
  await copyFile(join(source, "img", image), join(output, "img", image));
}

const banner = `/* dkfds ${packages.dkfds} (MIT), reduced to the portal's use by tools/dkfds-build (purgecss ${packages.purgecss}, subset-font ${packages["subset-font"]}) */\n`;
await writeFile(join(output, "css", "dkfds.min.css"), banner + faces.join("\n") + "\n" + css.trim() + "\n");
await copyFile(join(source, "..", "LICENSE.md"), join(output, "LICENSE.md"));
await copyFile(join(source, "fonts", "IBMPlexSans", "complete", "woff2", "license.txt"), join(output, "fonts", "LICENSE-OFL.txt"));

console.log(`dkfds.min.css: ${Buffer.byteLength(banner + css)} bytes (from ${(await readFile(join(source, "css", "dkfds.min.css"))).length}); weights ${[...usedWeights].sort().join(", ")}; images: ${images.join(", ") || "none"}`);

function hex(value) {
  return value.toString(16).toUpperCase().padStart(4, "0");
}
