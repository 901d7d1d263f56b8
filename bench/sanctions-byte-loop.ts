/**
 * The practical limit of the sanctions CSV: a hand-written single-thread loop over the file's
 * bytes that does the same work as `oms-calc sanctions` on the bench's files — parse, integer
 * kopecks, table lookup, D5 'max', the results CSV, totals — with none of its generality (the
 * built-in table, the bench's columns, the three kinds of bad row the realistic file has).
 * `node sanctions-byte-loop.mjs cases.csv rates.json out.csv`; bench/sanctions.bench.ts checks
 * that its output equals the CLI's byte for byte.
 */
import { closeSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { builtinSanctionTable } from 'oms-calc/sanctions';

const [file, ratesFile, outFile] = process.argv.slice(2) as [string, string, string];
const SETTINGS = ['ambulatory', 'ambulance', 'all', 'hospital'];
const rates = JSON.parse(readFileSync(ratesFile, 'utf8')) as Record<string, string>;
const rateK = SETTINGS.map((s) => Math.round(Number(rates[s]) * 100));
const settingBytes = SETTINGS.map((s) => Buffer.from(s));

// The table by a numeric key of the code: a·10⁶ + b·10³ + c (groups < 1000).
const entries = builtinSanctionTable.entries.map((e, index) => ({
  code: e.code,
  codeBytes: Buffer.from(e.code),
  index,
  section: ['MEK', 'MEE', 'EKMP'].indexOf(e.section),
  kno: e.kno === null ? -1 : Number(e.kno.times(100).toString()),
  ksht: e.ksht === null ? -1 : Number(e.ksht.times(100).toString()),
}));
const byKey = new Map<number, (typeof entries)[number]>();
for (const e of entries) {
  const [a = 0, b = 0, c = -1] = e.code.split('.').map(Number);
  byKey.set(a * 1e6 + b * 1e3 + (c + 1), e);
}
const appliedByCode = new Float64Array(entries.length);
const fineByCode = new Float64Array(entries.length);
const casesByCode = new Float64Array(entries.length);

const out = Buffer.allocUnsafe(1 << 21);
let at = 0;
const fd = openSync(outFile, 'w');
const flush = (): void => {
  writeSync(fd, out, 0, at);
  at = 0;
};
const put = (s: string): void => {
  at += out.write(s, at, 'utf8');
};
const digits = new Uint8Array(24);
const putUint = (n: number): void => {
  let v = n;
  let d = 0;
  do {
    const q = Math.floor(v / 10);
    digits[d++] = 48 + v - q * 10;
    v = q;
  } while (v > 0);
  while (d > 0) out[at++] = digits[--d] as number;
};
const putK = (k: number): void => {
  const r = k % 100;
  putUint((k - r) / 100);
  out[at++] = 44;
  const t = (r / 10) | 0;
  out[at++] = 48 + t;
  out[at++] = 48 + r - t * 10;
};
const putBytes = (b: Uint8Array, s: number, e: number): void => {
  for (let i = s; i < e; i++) out[at++] = b[i] as number;
};
const OK = Buffer.from(';ok;');
const END = Buffer.from(';;\n');
const round = (x: number): number => {
  const r = x % 100;
  return (x - r) / 100 + (r >= 50 ? 1 : 0);
};

let rows = 0;
let errors = 0;
let npTotal = 0;
let fineTotal = 0;
let line = 0;
let fields = 0;
let header = true;
const fs = new Int32Array(64);
const fe = new Int32Array(64);
const np = new Float64Array(16);
const fines = new Float64Array(16);
const picked: (typeof entries)[number][] = [];

function amount(b: Buffer, s: number, e: number): number {
  let k = 0;
  let places = -1;
  for (let i = s; i < e; i++) {
    const c = b[i] as number;
    if (c === 44 || c === 46) places = 0;
    else if (c >= 48 && c <= 57) {
      k = k * 10 + c - 48;
      if (places >= 0) places++;
    } else return -1;
  }
  return places === 1 ? k * 10 : places === 2 ? k : k * 100;
}

function errorRow(b: Buffer, idS: number, idE: number, code: string, message: string): void {
  putUint(line);
  out[at++] = 59;
  at += b.copy(out, at, idS, idE);
  put(`;error;;;;${code};${message}\n`);
  errors++;
}

function row(b: Buffer, s: number, e: number): void {
  line++;
  let n = 0;
  let start = s;
  for (let i = s; i < e; i++) if (b[i] === 59) ((fs[n] = start), (fe[n++] = i), (start = i + 1));
  fs[n] = start;
  fe[n++] = e;
  if (header) {
    header = false;
    fields = n;
    put('line;id;status;non_payment;fine;details;error_code;error_message\n');
    return;
  }
  if (e === s) return;
  rows++;
  const idS = fs[0] as number;
  const idE = fe[0] as number;
  if (n !== fields) return errorRow(b, idS, idE, 'INVALID_INPUT', `the line has ${n} fields, the header has ${fields}`);
  if (b[fs[2] as number] === 45) return errorRow(b, idS, idE, 'INVALID_INPUT', `tariff: must be at least 0, got ${b.toString('utf8', fs[2] as number, fe[2] as number)}`);
  const T = amount(b, fs[2] as number, fe[2] as number);
  let si = -1;
  const ss = fs[3] as number;
  const sl = (fe[3] as number) - ss;
  for (let k = 0; k < 4 && si < 0; k++) {
    const form = settingBytes[k] as Buffer;
    if (form.length !== sl) continue;
    let same = true;
    for (let i = 0; i < sl && same; i++) same = form[i] === b[ss + i];
    if (same) si = k;
  }
  const P = fe[4] === fs[4] ? -1 : amount(b, fs[4] as number, fe[4] as number);
  const rate = P >= 0 ? P : si >= 0 ? (rateK[si] as number) : -1;
  // violations: codes between bars, a recomputed tariff after ':'
  let count = 0;
  let unknown = '';
  for (let i = fs[5] as number, end = fe[5] as number; i <= end; ) {
    let j = i;
    let key = 0;
    let group = 0;
    let colon = -1;
    while (j < end && b[j] !== 124) {
      const c = b[j] as number;
      if (colon < 0) {
        if (c === 46) ((key = key * 1e3 + group), (group = 0));
        else if (c === 58) colon = j;
        else group = group * 10 + c - 48;
      }
      j++;
    }
    const dots = key >= 1000 ? 2 : 1;
    const code = dots === 2 ? key * 1e3 + group + 1 : key * 1e6 + group * 1e3;
    const entry = byKey.get(code);
    if (entry === undefined) unknown += `${unknown === '' ? '' : '; '}violations.${count}: violation code ""${b.toString('utf8', i, colon < 0 ? j : colon)}"" is not in sanction table ${builtinSanctionTable.id}`;
    else {
      const R = colon < 0 ? -1 : amount(b, colon + 1, j);
      picked[count] = entry;
      np[count] = R >= 0 ? (T > R ? T - R : 0) : entry.kno < 0 ? 0 : round(T * entry.kno);
      fines[count] = entry.ksht < 0 ? 0 : round(rate * entry.ksht);
    }
    count++;
    i = j + 1;
  }
  if (unknown !== '') return errorRow(b, idS, idE, 'UNKNOWN_CODE', `"${unknown}"`);
  // D5 'max': the largest Н, ties to the earlier row of the table
  let best = 0;
  for (let k = 1; k < count; k++) {
    const pk = picked[k] as (typeof entries)[number];
    const pb = picked[best] as (typeof entries)[number];
    if ((np[k] as number) > (np[best] as number) || (np[k] === np[best] && pk.index < pb.index)) best = k;
  }
  let fine = 0;
  for (let k = 0; k < count; k++) fine += fines[k] as number;
  const total = np[best] as number;
  npTotal += total;
  fineTotal += fine;
  putUint(line);
  out[at++] = 59;
  putBytes(b, idS, idE);
  putBytes(OK, 0, 4);
  putK(total);
  out[at++] = 59;
  putK(fine);
  out[at++] = 59;
  for (let k = 0; k < count; k++) {
    const p = picked[k] as (typeof entries)[number];
    if (k > 0) out[at++] = 124;
    putBytes(p.codeBytes, 0, p.codeBytes.length);
    out[at++] = 58;
    putK(np[k] as number);
    out[at++] = 58;
    putK(k === best ? total : 0);
    out[at++] = 58;
    putK(fines[k] as number);
    casesByCode[p.index] = (casesByCode[p.index] as number) + 1;
    appliedByCode[p.index] = (appliedByCode[p.index] as number) + (k === best ? total : 0);
    fineByCode[p.index] = (fineByCode[p.index] as number) + (fines[k] as number);
  }
  putBytes(END, 0, 3);
  if (at > out.length - 65536) flush();
}

const input = openSync(file, 'r');
const buf = Buffer.allocUnsafe(1 << 20);
let carry = 0;
let first = true;
for (;;) {
  const got = readSync(input, buf, carry, buf.length - carry, null);
  const n = carry + got;
  let s = 0;
  if (first && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) s = 3;
  first = false;
  for (;;) {
    const nl = buf.indexOf(10, s);
    if (nl < 0 || nl >= n) break;
    row(buf, s, nl > s && buf[nl - 1] === 13 ? nl - 1 : nl);
    s = nl + 1;
  }
  if (got === 0) {
    if (s < n) row(buf, s, n);
    break;
  }
  carry = n - s;
  buf.copy(buf, 0, s, n);
}
flush();
closeSync(fd);
closeSync(input);
process.stderr.write(`${rows} rows, ${errors} with errors, non-payment ${npTotal}, fines ${fineTotal}, ${casesByCode.filter((c) => c > 0).length} codes\n`);
