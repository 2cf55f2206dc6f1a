#!/usr/bin/python3
"""Makes the site's math font: a subset of Latin Modern Math, the OpenType math font of TeX's
Computer Modern design, which KaTeX's own fonts imitate.

Browsers lay out MathML by MathML Core, which needs one font with an OpenType MATH table for
stretchy brackets, radicals and script positions. The whole font is 717 KiB; this keeps the
characters a course on neural networks writes (ASCII, Greek, operators, arrows, and the bold,
italic, bold italic, script and double-struck alphabets), the glyph variants that the MATH table
reaches from them, and no OpenType layout features (Chromium applies none to math), which makes
it about 95 KiB of WOFF2. The build (src/build/rehype-mathml-core.ts) fails on a formula that uses
a character outside the subset, so widening it means editing CHARACTERS here and running this
again.

It also draws primes with their superscript glyphs (see PRIMES), and maps U+203E (overline), which MathML Core stretches over \\overline's argument, to the
font's stretchy combining overline: Latin Modern Math has no U+203E, and without it the browser
draws the line from another font, one character wide.

Run once, on Debian: apt-get install -y fonts-lmodern python3-fonttools, then
/usr/bin/python3 scripts/make-math-font.py. The output is committed; the build does not run this.
"""
import hashlib
import json
import pathlib

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = pathlib.Path('/usr/share/texmf/fonts/opentype/public/lm-math/latinmodern-math.otf')
OUT = pathlib.Path(__file__).resolve().parent.parent / 'src' / 'assets' / 'math'
FAMILY = 'Backprop Live Math'

# Inclusive code point ranges.
CHARACTERS = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00A0), (0x00AC, 0x00AC), (0x00AF, 0x00B1), (0x00B7, 0x00B7),
    (0x00D7, 0x00D7), (0x00F7, 0x00F7),  # no-break space, ¬ ¯ ° ± · × ÷
    (0x0131, 0x0131), (0x0237, 0x0237),  # dotless i and j, under accents
    (0x02C6, 0x02C7), (0x02C9, 0x02C9), (0x02D8, 0x02DA), (0x02DC, 0x02DC),  # accents
    (0x0300, 0x0308), (0x030A, 0x030A), (0x030C, 0x030C), (0x0338, 0x0338),  # combining
    (0x0391, 0x03A1), (0x03A3, 0x03A9), (0x03B1, 0x03C9),  # Greek
    (0x03D1, 0x03D1), (0x03D5, 0x03D6), (0x03F0, 0x03F1), (0x03F5, 0x03F5),  # ϑ ϕ ϖ ϰ ϱ ϵ
    (0x2000, 0x2064),  # spaces, dashes, primes, invisible operators
    (0x2102, 0x2102), (0x210B, 0x210E), (0x2110, 0x2110), (0x2112, 0x2113), (0x2115, 0x2115),
    (0x2119, 0x211D), (0x2124, 0x2124), (0x212C, 0x212C), (0x212F, 0x2131), (0x2133, 0x2134),
    (0x2190, 0x2199), (0x21A6, 0x21A6), (0x21D0, 0x21D5),  # arrows
    (0x2200, 0x22FF),  # mathematical operators
    (0x2308, 0x230B), (0x23B4, 0x23B5), (0x23DC, 0x23DF), (0x27E8, 0x27E9),  # brackets, braces
    (0x1D400, 0x1D467),  # bold and italic Latin
    (0x1D49C, 0x1D4B5),  # script capitals
    (0x1D538, 0x1D551),  # double-struck capitals
    (0x1D6A8, 0x1D755),  # bold, italic and bold italic Greek
    (0x1D7CE, 0x1D7D7),  # bold digits
]

# Characters the font draws with another character's glyph: the overline (see above), and the
# modifier-letter macron that KaTeX writes for \\bar, which Latin Modern Math has only as U+00AF.
ALIASES = {0x203E: 0x0305, 0x02C9: 0x00AF}

# Primes drawn with the glyph the font designs for a superscript ('ssty'). KaTeX, like TeX,
# writes f' as f with a superscript prime, and Chromium applies no 'ssty': with the ordinary
# glyph, a prime already drawn raised and small would be raised and shrunk a second time.
PRIMES = {0x2032: 'minute.st', 0x2033: 'uni2033.st', 0x2034: 'uni2034.st'}


def main() -> None:
    font = TTFont(SOURCE)
    options = subset.Options()
    options.layout_features = []
    options.name_languages = ['*']
    wanted = [code for first, last in CHARACTERS for code in range(first, last + 1)]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted + list(ALIASES.values()), glyphs=list(PRIMES.values()))
    subsetter.subset(font)
    for table in font['cmap'].tables:
        if table.isUnicode():
            for alias, target in ALIASES.items():
                if target in table.cmap:
                    table.cmap[alias] = table.cmap[target]
            for code, glyph in PRIMES.items():
                table.cmap[code] = glyph
    # A modified font takes another name (the GUST Font License asks it of derived fonts).
    for record in font['name'].names:
        if record.nameID in (1, 4, 16):
            record.string = FAMILY
        elif record.nameID == 6:
            record.string = FAMILY.replace(' ', '')
    font.flavor = 'woff2'
    OUT.mkdir(parents=True, exist_ok=True)
    font.save(OUT / 'math.woff2')
    covered = sorted(font.getBestCmap())
    (OUT / 'math.json').write_text(
        '{\n'
        + f' "source": "{SOURCE.name} {font["head"].fontRevision:.3f}",\n'
        + f' "sha256": "{hashlib.sha256(SOURCE.read_bytes()).hexdigest()}",\n'
        + ' "ranges": [\n'
        + ',\n'.join(f'  [{first}, {last}]' for first, last in ranges(covered))
        + '\n ]\n}\n'
    )
    print(f'{OUT / "math.woff2"}: {(OUT / "math.woff2").stat().st_size} bytes, {len(covered)} characters')


def ranges(codes: list[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for code in codes:
        if out and out[-1][1] == code - 1:
            out[-1][1] = code
        else:
            out.append([code, code])
    return out


if __name__ == '__main__':
    main()
