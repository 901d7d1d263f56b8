/**
 * Runs in the page of scripts/browser-check.ts: the sanctions CSV of a small file through
 * `sanctionCsv` (read by the default reader, and by a reader with its own buffer where the browser
 * has byte streams) and through `sanctionCsvSync`, written into the page as JSON for the check
 * to compare with the same file computed in Node.
 */
import { sanctionCsv, sanctionCsvSync } from '../src/sanctions/index';
import { CASES, OPTIONS } from './browser-sanctions-data';

declare const document: { getElementById(id: string): { textContent: string | null } | null };

async function byob(): Promise<string | null> {
  if (typeof ReadableByteStreamController !== 'function') return null;
  const csv = sanctionCsv(OPTIONS);
  const reader = new Blob([CASES]).stream().pipeThrough(csv).getReader({ mode: 'byob' });
  const decoder = new TextDecoder();
  let text = '';
  let buffer = new Uint8Array(16);
  for (;;) {
    const step = await reader.read(buffer);
    if (step.done || step.value === undefined) break;
    text += decoder.decode(step.value, { stream: true });
    buffer = new Uint8Array(step.value.buffer);
  }
  return text + decoder.decode();
}

async function run(): Promise<unknown> {
  const csv = sanctionCsv(OPTIONS);
  const text = await new Response(new Blob([CASES]).stream().pipeThrough(csv)).text();
  const totals = await csv.totals;
  const sync = sanctionCsvSync(OPTIONS);
  const bytes = new TextEncoder().encode(CASES);
  const parts = [sync.write(bytes.subarray(0, 11)).slice(), sync.write(bytes.subarray(11)).slice(), sync.end().slice()];
  return {
    text,
    byob: await byob(),
    sync: parts.map((p) => new TextDecoder().decode(p)).join(''),
    nonPayment: totals.nonPayment.toString(),
    fine: totals.fine.toString(),
    errors: totals.errors,
  };
}

const out = document.getElementById('out');
run().then(
  (r) => {
    if (out !== null) out.textContent = JSON.stringify(r);
  },
  (e: unknown) => {
    if (out !== null) out.textContent = `error: ${String(e)}`;
  },
);
