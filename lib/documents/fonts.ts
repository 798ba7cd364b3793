// The typefaces the PDFs are set in, shipped as font files inside npm packages (never fetched at run time):
// Noto Sans for Latin, Greek, Cyrillic and the currency signs; Noto Sans SC for Chinese and Japanese (its Han set
// covers the kanji, and it has kana); Noto Sans Thai (with ฿); Noto Naskh Arabic. Each piece of text is set in
// the face of its script (./script-runs.ts), so an item name in any of these scripts prints.
//
// This Noto Naskh Arabic (@embedpdf/fonts-arabic) draws every letter form as a glyph of its own. Newer Noto
// Arabic fonts draw س and ش (ب ت ث ن …) with one glyph plus dot marks, and a PDF can map a glyph back to
// one letter only: copied or searched, their text came out with the wrong letters.

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import * as fontkit from "fontkit";
import { Recent } from "@/lib/core/recent";

export const FACES = ["latin", "cjk", "thai", "arabic"] as const;
export type Face = (typeof FACES)[number];
export type Weight = "regular" | "bold";

/** Each face's package, and its files' paths inside the package. */
const FILES: Record<Face, { package: string } & Record<Weight, string>> = {
  latin: { package: "@expo-google-fonts/noto-sans", regular: "400Regular/NotoSans_400Regular.ttf", bold: "700Bold/NotoSans_700Bold.ttf" },
  cjk: { package: "@expo-google-fonts/noto-sans-sc", regular: "400Regular/NotoSansSC_400Regular.ttf", bold: "700Bold/NotoSansSC_700Bold.ttf" },
  thai: { package: "@expo-google-fonts/noto-sans-thai", regular: "400Regular/NotoSansThai_400Regular.ttf", bold: "700Bold/NotoSansThai_700Bold.ttf" },
  arabic: { package: "@embedpdf/fonts-arabic", regular: "fonts/NotoNaskhArabic-Regular.ttf", bold: "fonts/NotoNaskhArabic-Bold.ttf" },
};

/**
 * The folder of an installed package, found from its entry point by Node's own resolver (from this file).
 * Next.js bundles this module, and its bundler replaces a `require.resolve` it can see with its own module
 * ids; taken from process.getBuiltinModule the resolver is Node's, under `next start`, the worker and the tests
 * alike. (The font files themselves cannot be resolved directly: a package's `exports` may not list them.)
 */
function packageFolder(name: string): string {
  const { createRequire } = process.getBuiltinModule("node:module");
  let folder = dirname(createRequire(import.meta.url).resolve(name));
  while (!isPackageFolder(folder, name)) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`No package.json of ${name} above its entry point`);
    folder = parent;
  }
  return folder;
}

function isPackageFolder(folder: string, name: string): boolean {
  const manifest = join(folder, "package.json");
  return existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === name;
}

/** Where a face's file is on disk. */
export function fontFile(face: Face, weight: Weight): string {
  // turbopackIgnore: the path is computed at run time, so Next.js's file tracing cannot follow it (and would
  // otherwise trace the whole project); the files stay in node_modules, where they are read from.
  return join(/*turbopackIgnore: true*/ packageFolder(FILES[face].package), FILES[face][weight]);
}

// Parsed once per process and shared by every document (fontkit reads tables lazily, and each document makes
// its own subset of the glyphs it used). The CJK face is ~10 MB: it is only read once a document needs it.
const loaded = new Map<string, fontkit.Font>();

export function loadFont(face: Face, weight: Weight): fontkit.Font {
  const key = `${face}:${weight}`;
  let font = loaded.get(key);
  if (!font) {
    const parsed = fontkit.create(readFileSync(/*turbopackIgnore: true*/ fontFile(face, weight)));
    if (!("layout" in parsed)) throw new Error(`${FILES[face][weight]} of ${FILES[face].package} is a font collection, not one font`);
    font = parsed;
    loaded.set(key, font);
  }
  return font;
}

// Asked for every character of every measured string: kept per face (at most a few thousand characters each).
const drawn = new Map<Face, Recent<number, boolean>>();

/** Whether the face draws this character (the regular weight; the bold files cover the same characters). */
export function faceHas(face: Face, codePoint: number): boolean {
  let known = drawn.get(face);
  if (!known) drawn.set(face, (known = new Recent(4_096)));
  return known.remember(codePoint, () => loadFont(face, "regular").hasGlyphForCodePoint(codePoint));
}

/** How many laid-out runs each face and weight keeps (the least recently used go first): a few MB at most. */
const RUNS_KEPT = 5_000;
const shaped = new Map<string, fontkit.Font>();

/**
 * The face as PDFKit is given it: the parsed font, with its runs laid out once per process. Shaping a run
 * (GSUB/GPOS lookups) was most of a receipt's rendering time, and PDFKit only remembers runs within one
 * document — every receipt shaped the same labels, amounts and names again. PDFKit scales each run's positions
 * in place (EmbeddedFont.layoutRun), so every call gets positions of its own over the shared glyphs.
 */
export function layoutFont(face: Face, weight: Weight): fontkit.Font {
  const key = `${face}:${weight}`;
  let wrapped = shaped.get(key);
  if (!wrapped) {
    const font = loadFont(face, weight);
    const runs = new Recent<string, fontkit.GlyphRun>(RUNS_KEPT);
    const layout = (text: string, features?: Parameters<fontkit.Font["layout"]>[1]): fontkit.GlyphRun => {
      // Features are never passed by our drawing code; a call with them is shaped as asked, not remembered.
      if (features !== undefined) return font.layout(text, features);
      const run = runs.remember(text, () => font.layout(text));
      const positions = run.positions.map((position) => ({ ...position }));
      return Object.create(run, { positions: { value: positions } }) as fontkit.GlyphRun;
    };
    wrapped = Object.create(font, { layout: { value: layout } }) as fontkit.Font;
    shaped.set(key, wrapped);
  }
  return wrapped;
}
