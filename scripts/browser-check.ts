/**
 * The documents of oms-calc/report as a person sees them, in a real browser: each document of
 * the sample fund year (test/report/fixtures.ts) is rendered by headless Chromium to a PDF and to
 * a PNG screenshot, and
 * - the PDF's text (pdftotext) holds every figure of the result as formatRubles writes it;
 * - the PDF has the pages expected for print (pdfinfo);
 * - the screenshot is not blank (it has ink, and more than two colours);
 * - the page as the browser built it (--dump-dom) has one chart element per datum.
 * Then a page runs the sanctions CSV (scripts/browser-sanctions.ts) through `sanctionCsv`, read
 * by the default reader and by a BYOB reader, and through `sanctionCsvSync`: each must give the
 * bytes and totals that `sanctionCsvBytes` gives for the same file in Node.
 *
 * Run by scripts/test-release.sh; ends with "browser: N passed, N failed". Needs Debian's
 * `chromium` and `poppler-utils` (.ci/run installs them): under CI=true a missing tool is a
 * failure, elsewhere the check is skipped with a message. The files are left in .tmp/browser/.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { sanctionCsvBytes } from '../src/sanctions/index';
import { sampleDocuments } from '../test/report/fixtures';

const out = join(process.cwd(), '.tmp', 'browser');
let passed = 0;
let failed = 0;

function check(name: string, ok: boolean, detail = ''): void {
  if (ok) passed++;
  else failed++;
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}${ok || detail === '' ? '' : `: ${detail}`}`);
}

function found(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

const browser = [process.env['CHROMIUM'], 'chromium', 'chromium-browser', 'google-chrome'].find((c): c is string => c !== undefined && c !== '' && found(c));
const missing = [...(browser === undefined ? ['chromium'] : []), ...['pdftotext', 'pdfinfo'].filter((c) => !found(c))];
if (missing.length > 0) {
  const ci = process.env['CI'] === 'true';
  console.log(`${ci ? 'FAIL' : 'skipped'}: ${missing.join(', ')} not found (Debian: apt-get install chromium poppler-utils)${ci ? '' : '; CI installs them and runs this check'}`);
  console.log(`browser: 0 passed, ${ci ? 1 : 0} failed`);
  process.exit(ci ? 1 : 0);
}

/** Runs the browser headless on a file; returns its standard output. */
function chromium(args: readonly string[], file: string): string {
  return execFileSync(browser as string, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--hide-scrollbars', '--no-pdf-header-footer', ...args, `file://${file}`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    timeout: 120_000,
    maxBuffer: 64 << 20,
  });
}

/** The pixels of an 8-bit, non-interlaced PNG (greyscale, RGB or RGBA), as RGBA bytes. */
export function decodePng(png: Buffer): { width: number; height: number; rgba: Uint8Array } {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let pos = 8;
  let width = 0;
  let height = 0;
  let colour = 0;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const length = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('only 8-bit non-interlaced PNGs');
      colour = data[9] as number;
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + length;
  }
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colour];
  if (channels === undefined) throw new Error(`PNG colour type ${colour}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] as number;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? (pixels[y * stride + i - channels] as number) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + i] as number) : 0;
      const c = y > 0 && i >= channels ? (pixels[(y - 1) * stride + i - channels] as number) : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter] ?? 0;
      pixels[y * stride + i] = ((line[i] as number) + predictor) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let k = 0; k < width * height; k++) {
    const px = pixels.subarray(k * channels, (k + 1) * channels);
    const [r, g, b] = channels >= 3 ? [px[0], px[1], px[2]] : [px[0], px[0], px[0]];
    rgba.set([r as number, g as number, b as number, channels === 4 ? (px[3] as number) : channels === 2 ? (px[1] as number) : 255], k * 4);
  }
  return { width, height, rgba };
}

/** Whether a screenshot is blank: less than 0.5 % of it dark, or at most two colours. */
function inkOf(file: string): { width: number; height: number; dark: number; colours: number; blank: boolean } {
  const { width, height, rgba } = decodePng(readFileSync(file));
  const colours = new Set<number>();
  let dark = 0;
  for (let k = 0; k < width * height; k++) {
    const [r, g, b] = [rgba[k * 4] as number, rgba[k * 4 + 1] as number, rgba[k * 4 + 2] as number];
    if (r + g + b < 600) dark++;
    if (colours.size < 1000) colours.add((r << 16) | (g << 8) | b);
  }
  return { width, height, dark, colours: colours.size, blank: dark <= width * height * 0.005 || colours.size <= 2 };
}

/** Text as pdftotext gives it: its spaces (U+202F, U+00A0) are plain spaces, runs of them one. */
const flat = (text: string): string => text.replace(/[\u202f\u00a0\s]+/g, ' ');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
console.log(`browser: ${execFileSync(browser as string, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()}`);
// The control: an empty page must be found blank, or the check below could not fail.
const empty = join(out, 'empty.html');
writeFileSync(empty, '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>-</title></head><body></body></html>');
chromium([`--screenshot=${join(out, 'empty.png')}`, '--window-size=1240,1754'], empty);
check('the control: an empty page is found blank', inkOf(join(out, 'empty.png')).blank);
for (const doc of await sampleDocuments()) {
  console.log(`\n${doc.name}`);
  const html = join(out, `${doc.name}.html`);
  const pdf = join(out, `${doc.name}.pdf`);
  const png = join(out, `${doc.name}.png`);
  writeFileSync(html, doc.html);
  chromium([`--print-to-pdf=${pdf}`], html);
  chromium([`--screenshot=${png}`, '--window-size=1240,1754'], html);
  const dom = chromium(['--dump-dom'], html);

  const text = flat(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
  const lost = doc.figures.filter((f) => !text.includes(flat(f)));
  check(`the PDF's text holds the ${doc.figures.length} figures of the result`, lost.length === 0, `missing ${lost.slice(0, 5).join(' | ')}`);

  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
  check(`prints on ${doc.pages[0]}–${doc.pages[1]} A4 pages`, pages >= doc.pages[0] && pages <= doc.pages[1], `${pages} pages`);

  const ink = inkOf(png);
  check(`the screenshot is not blank (${ink.width}×${ink.height})`, !ink.blank, `${ink.dark} dark pixels, ${ink.colours} colours`);

  if (doc.chartData !== undefined) {
    const svgs = [...dom.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    const data = svgs.flatMap((s) => [...s.matchAll(/<(?:rect|circle)[^>]*data-datum="(\d+)"/g)].map((m) => Number(m[1])));
    check(`the chart has one bar or point per datum (${doc.chartData})`, data.length === doc.chartData && data.every((d, i) => d === i), `${data.length} elements`);
  }
}
// The sanctions CSV in the page: the stream (default and BYOB readers) and the synchronous form
// give what the same file gives in Node.
{
  console.log('\nsanctions CSV');
  const { build } = await import('esbuild');
  const bundled = await build({ entryPoints: [join(import.meta.dirname, 'browser-sanctions.ts')], bundle: true, format: 'iife', platform: 'browser', target: 'es2022', write: false, logLevel: 'error' });
  const page = join(out, 'sanctions-csv.html');
  const script = (bundled.outputFiles[0]?.text ?? '').replaceAll('</script', '<\\/script');
  writeFileSync(page, `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>sanctionCsv</title></head><body><pre id="out">pending</pre><script>${script}</script></body></html>`);
  const dom = chromium(['--dump-dom', '--virtual-time-budget=10000'], page);
  const raw = /<pre id="out">([\s\S]*?)<\/pre>/.exec(dom)?.[1] ?? '';
  const unescape = (t: string): string => t.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
  const { CASES, OPTIONS } = await import('./browser-sanctions-data');
  const expected = sanctionCsvBytes(CASES, OPTIONS);
  const want = new TextDecoder().decode(expected.output);
  let got: { text?: string; byob?: string | null; sync?: string; nonPayment?: string; fine?: string; errors?: number } = {};
  try {
    got = JSON.parse(unescape(raw)) as typeof got;
  } catch {
    check('the page computed the file', false, raw.slice(0, 200));
  }
  check('sanctionCsv through pipeThrough gives the bytes of Node', got.text === want, String(got.text).slice(0, 120));
  check('a BYOB reader of 16 bytes gives the same bytes', got.byob === want, String(got.byob).slice(0, 120));
  check('sanctionCsvSync gives the same bytes', got.sync === want, String(got.sync).slice(0, 120));
  check('the totals are those of Node', got.nonPayment === expected.totals.nonPayment.toString() && got.fine === expected.totals.fine.toString() && got.errors === expected.totals.errors, JSON.stringify([got.nonPayment, got.fine, got.errors]));
}

console.log(`\nfiles: ${out}`);
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
