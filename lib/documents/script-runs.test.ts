import { describe, expect, test } from "vitest";
import type { Face } from "./fonts";
import { facesOf, visualPieces, type HasGlyph } from "./script-runs";

// Faces that cover what their script needs, as the real fonts do (fonts.test.ts checks the real files).
const COVERS: Record<Face, RegExp> = {
  latin: /[\p{Script=Latin}\p{Script=Common}]/u,
  cjk: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Common}]/u,
  thai: /[\p{Script=Thai}\u0E3F 0-9]/u,
  arabic: /[\p{Script=Arabic}\p{Script=Inherited} 0-9]/u,
};
const has: HasGlyph = (face, codePoint) => COVERS[face].test(String.fromCodePoint(codePoint)) && !(face === "latin" && codePoint === 0x0e3f);

const faces = (text: string) => facesOf([...text], has).join(",");
const pieces = (text: string) => visualPieces(text, has).map((p) => (p.space ? "_" : `${p.face}:${p.text}`));

describe("facesOf: each character in the face of its script", () => {
  test("Latin, with its spaces, digits and signs", () => {
    expect(new Set(faces("Coffee 250 g — $12.50").split(","))).toEqual(new Set(["latin"]));
  });

  test("Chinese and Japanese in the CJK face, neutrals staying with the text before them", () => {
    expect(faces("会员 年费")).toBe("cjk,cjk,cjk,cjk,cjk");
    expect(faces("東京ー")).toBe("cjk,cjk,cjk");
    expect(faces("Pro 会员")).toBe("latin,latin,latin,latin,cjk,cjk");
  });

  test("a sign only another face has goes there (฿ is in the Thai face, not the Latin one), and what follows stays", () => {
    expect(faces("Fee ฿100")).toBe("latin,latin,latin,latin,thai,thai,thai,thai");
  });

  test("a leading neutral takes the face of the text after it", () => {
    expect(faces("(会)")).toBe("cjk,cjk,cjk");
  });
});

describe("visualPieces: the order a reader sees, left to right", () => {
  test("left-to-right text stays in order, cut at faces and spaces", () => {
    expect(pieces("会员年费 Pro")).toEqual(["cjk:会员年费", "_", "latin:Pro"]);
  });

  test("an Arabic phrase: words from right to left, each in logical order for the shaping engine", () => {
    expect(pieces("اشتراك سنوي")).toEqual(["arabic:سنوي", "_", "arabic:اشتراك"]);
  });

  test("numbers inside Arabic read left to right, in their place", () => {
    expect(pieces("اشتراك 12 شهر")).toEqual(["arabic:شهر", "_", "arabic:12", "_", "arabic:اشتراك"]);
  });

  test("Arabic inside an English line is reversed as a block, the English around it stays", () => {
    expect(pieces("Plan اشتراك سنوي now")).toEqual(["latin:Plan", "_", "arabic:سنوي", "_", "arabic:اشتراك", "_", "latin:now"]);
  });

  test("Thai stays one piece with its marks", () => {
    expect(pieces("บัตรสมาชิก")).toEqual(["thai:บัตรสมาชิก"]);
  });

  test("empty text has no pieces", () => {
    expect(visualPieces("", has)).toEqual([]);
  });
});
